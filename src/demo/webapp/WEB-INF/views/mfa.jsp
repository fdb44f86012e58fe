<%@ include file="header.jspf" %>
<h1>Two-step sign-in</h1>
<p>On: <span id="mfa-enabled"><c:forEach items="${enabled}" var="type" varStatus="s"><c:out value="${type}"/><c:if test="${not s.last}">, </c:if></c:forEach><c:if test="${empty enabled}">none</c:if></span>.
    Asked for first: <span id="mfa-preferred"><c:out value="${empty preferred ? 'none' : preferred}"/></span>.</p>
<c:choose>
    <c:when test="${not empty secret}">
        <h2>Scan this with your authenticator app</h2>
        <img id="totp-qr" src="${qrCode}" alt="QR code of your authenticator secret" width="240" height="240">
        <p>Or type the key: <code id="totp-secret"><c:out value="${secret}"/></code></p>
        <form method="post" action="${base}/mfa" class="card">
            <input type="hidden" name="action" value="verify">
            <label>The code your app shows <input name="code" id="totp-code" inputmode="numeric" autocomplete="one-time-code" required></label>
            <label>A name for this authenticator (optional) <input name="deviceName" id="totp-device"></label>
            <button type="submit" id="totp-verify">Confirm</button>
        </form>
    </c:when>
    <c:otherwise>
        <form method="post" action="${base}/mfa" class="card">
            <input type="hidden" name="action" value="setup">
            <button type="submit" id="totp-setup">Set up an authenticator app</button>
        </form>
    </c:otherwise>
</c:choose>
<h2>Change</h2>
<form method="post" action="${base}/mfa" class="card">
    <input type="hidden" name="action" value="preference">
    <c:forEach items="${['totp', 'email']}" var="type">
        <label><c:out value="${type == 'totp' ? 'Authenticator app' : 'Email'}"/>
            <select name="${type}" id="mfa-${type}">
                <option value="">leave as it is</option>
                <option value="PREFERRED">on, ask for it first</option>
                <option value="NOT_PREFERRED">on</option>
                <option value="DISABLED">off</option>
            </select>
        </label>
    </c:forEach>
    <button type="submit" id="mfa-save">Save</button>
</form>
<%@ include file="footer.jspf" %>
