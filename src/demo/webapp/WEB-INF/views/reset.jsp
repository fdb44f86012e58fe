<%@ include file="header.jspf" %>
<h1>Reset your password</h1>
<form method="post" action="${base}/reset" class="card">
    <label>Username <input name="username" id="username" value="<c:out value='${username}'/>" autocomplete="username" required></label>
    <button type="submit" id="send-code">Send me a code</button>
</form>
<%@ include file="footer.jspf" %>
