<%@ include file="header.jspf" %>
<h1>Create an account</h1>
<form method="post" action="${base}/signup" class="card">
    <label>Username <input name="username" id="username" value="<c:out value='${username}'/>" autocomplete="username" required></label>
    <label>Email <input type="email" name="email" id="email" autocomplete="email" required></label>
    <label>Password <input type="password" name="password" id="password" autocomplete="new-password" required></label>
    <button type="submit" id="sign-up">Sign up</button>
</form>
<p>Cognito sends a code to confirm the account (with the local stand-in, the demo's console prints it).</p>
<%@ include file="footer.jspf" %>
