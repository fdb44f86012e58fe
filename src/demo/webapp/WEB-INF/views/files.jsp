<%@ include file="header.jspf" %>
<h1>My files</h1>
<c:choose>
    <c:when test="${not configured}">
        <p>No bucket is configured: set <code>demo.s3-bucket</code>.</p>
    </c:when>
    <c:otherwise>
        <p>Your folder in S3 is <code>private/<c:out value="${identityId}"/>/</code>. The server lists and uploads
            with <em>your</em> temporary AWS credentials, from the Cognito identity pool.</p>
        <c:if test="${not empty uploaded}"><p class="notice" id="uploaded">Uploaded <c:out value="${uploaded}"/>.</p></c:if>
        <table id="files">
            <tr><th>Name</th><th>Size (bytes)</th></tr>
            <c:forEach items="${files}" var="file">
                <tr><td><c:out value="${file.name}"/></td><td><c:out value="${file.size}"/></td></tr>
            </c:forEach>
            <c:if test="${empty files}"><tr><td colspan="2">No files yet.</td></tr></c:if>
        </table>
        <form method="post" action="${base}/files" enctype="multipart/form-data" class="card">
            <label>File <input type="file" name="file" id="file" required></label>
            <button type="submit" id="upload">Upload</button>
        </form>
    </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
