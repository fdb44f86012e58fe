<%@ include file="header.jspf" %>
<h1>Hello, <span id="caller"><c:out value="${caller}"/></span></h1>
<p>Groups (your roles): <span id="groups"><c:forEach items="${groups}" var="group" varStatus="s"><c:out value="${group}"/><c:if test="${not s.last}">, </c:if></c:forEach><c:if test="${empty groups}">none</c:if></span>.
    <c:if test="${admin}">You may open the <a href="${base}/admin">admin page</a>.</c:if>
    Your tokens are refreshed before <c:out value="${expiresAt}"/> (UTC), on the server.</p>
<h2>Your access token's claims</h2>
<table id="claims">
    <c:forEach items="${claims}" var="claim">
        <tr><th><c:out value="${claim.key}"/></th><td><c:out value="${claim.value}"/></td></tr>
    </c:forEach>
</table>
<h2>Your user attributes</h2>
<table id="attributes">
    <c:forEach items="${attributes}" var="attribute">
        <tr><th><c:out value="${attribute.key}"/></th><td><c:out value="${attribute.value}"/></td></tr>
    </c:forEach>
</table>
<p><a href="${base}/mfa" id="mfa-link">Two-step sign-in settings</a> (an authenticator app, email codes)</p>
<form method="post" action="${base}/signout" class="inline">
    <button type="submit" name="everywhere" value="1" class="secondary" id="sign-out-everywhere">Sign out on every device</button>
</form>
<%@ include file="footer.jspf" %>
