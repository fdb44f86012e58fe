<%@ include file="header.jspf" %>
<h1 id="forbidden">Not for you</h1>
<p>This page is for members of the <code>admin</code> group. You are signed in, but not in it.</p>
<%@ include file="footer.jspf" %>
