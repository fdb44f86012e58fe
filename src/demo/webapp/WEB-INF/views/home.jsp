<%@ include file="header.jspf" %>
<h1>Amazon Cognito, the Jakarta EE way</h1>
<p>This WAR adds one dependency, <code>dev.cognitoee:cognito-ee</code>, and one annotation,
    <code>@CognitoAuthenticationMechanismDefinition</code>. Everything below runs through it.</p>
<ul class="cards">
    <li><a href="${base}/login">Sign in</a>: a password, then a new password or a code when Cognito asks.</li>
    <li><a href="${base}/signup">Sign up</a> and confirm with the code Cognito sends;
        <a href="${base}/reset">reset a forgotten password</a>.</li>
    <li><a href="${base}/profile">Profile</a>: your name, groups and token claims (signed-in users).</li>
    <li><a href="${base}/files">My files</a>: your S3 folder, with your own temporary AWS credentials.</li>
    <li><a href="${base}/admin">Admin</a>: members of the <code>admin</code> group only.</li>
    <li><code>GET ${base}/api/me</code>: the JSON API, with <code>Authorization: Bearer &lt;access token&gt;</code>.</li>
</ul>
<h2>Recent activity</h2>
<c:choose>
    <c:when test="${not signedIn}"><p>Sign in to see who signed in lately.</p></c:when>
    <c:when test="${empty activity}"><p>Nobody has signed in since the server started.</p></c:when>
    <c:otherwise><%@ include file="activity.jspf" %></c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
