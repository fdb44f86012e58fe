<%@ include file="header.jspf" %>
<h1>Confirm your account</h1>
<form method="post" action="${base}/signup/confirm" class="card">
    <label>Username <input name="username" id="username" value="<c:out value='${username}'/>" required></label>
    <label>Code <input name="code" id="code" inputmode="numeric" autocomplete="one-time-code"></label>
    <button type="submit" id="confirm">Confirm</button>
    <button type="submit" name="resend" value="1" class="secondary">Send a new code</button>
</form>
<%@ include file="footer.jspf" %>
