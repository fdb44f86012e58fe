<%@ include file="header.jspf" %>
<h1>Admin</h1>
<p>Only members of the <code>admin</code> group see this page. Sign-in activity on this server, failures included:</p>
<table id="activity">
    <tr><th>When (UTC)</th><th>Who</th><th>What</th></tr>
    <c:forEach items="${activity}" var="entry">
        <tr class="${entry.failure ? 'failure' : ''}"><td><c:out value="${entry.at}"/></td>
            <td><c:out value="${entry.username}"/></td><td><c:out value="${entry.what}"/></td></tr>
    </c:forEach>
</table>
<%@ include file="footer.jspf" %>
