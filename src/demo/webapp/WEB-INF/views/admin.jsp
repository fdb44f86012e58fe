<%@ include file="header.jspf" %>
<h1>Admin</h1>
<p>Only members of the <code>admin</code> group see this page. Sign-in activity on this server, failures included:</p>
<%@ include file="activity.jspf" %>
<%@ include file="footer.jspf" %>
