<%@ include file="header.jspf" %>
<h1>Choose a new password</h1>
<p>Enter the code Cognito sent you, and your new password.</p>
<form method="post" action="${base}/reset/confirm" class="card">
    <label>Username <input name="username" id="username" value="<c:out value='${username}'/>" required></label>
    <label>Code <input name="code" id="code" inputmode="numeric" autocomplete="one-time-code" required></label>
    <label>New password <input type="password" name="password" id="password" autocomplete="new-password" required></label>
    <button type="submit" id="confirm">Change password</button>
</form>
<%@ include file="footer.jspf" %>
