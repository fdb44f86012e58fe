<%@ include file="header.jspf" %>
<h1>Something went wrong</h1>
<p>The server could not answer this request. The details are in the server's log; <a href="${base}/">start again</a>.</p>
<%@ include file="footer.jspf" %>
