<%@ include file="header.jspf" %>
<h1>Your passkeys</h1>
<p>A passkey signs you in with your device's screen lock or a security key instead of a password. Registering one
    takes two steps on the server (Cognito's StartWebAuthnRegistration, then CompleteWebAuthnRegistration); your
    browser makes the key in between.</p>
<c:choose>
    <c:when test="${empty passkeys}"><p id="no-passkeys">No passkeys yet.</p></c:when>
    <c:otherwise>
        <table id="passkeys">
            <tr><th>Name</th><th>Id</th><th>Site</th><th>Kind</th><th>Registered (UTC)</th><th></th></tr>
            <c:forEach items="${passkeys}" var="passkey">
                <tr class="passkey">
                    <td><c:out value="${passkey.friendlyCredentialName()}"/></td>
                    <td class="credential-id"><c:out value="${passkey.credentialId()}"/></td>
                    <td><c:out value="${passkey.relyingPartyId()}"/></td>
                    <td><c:out value="${passkey.authenticatorAttachment()}"/>
                        <c:forEach items="${passkey.authenticatorTransports()}" var="transport">(<c:out value="${transport}"/>)</c:forEach></td>
                    <td><c:out value="${passkey.createdAt()}"/></td>
                    <td>
                        <form method="post" action="${base}/passkeys" class="inline">
                            <input type="hidden" name="credentialId" value="<c:out value='${passkey.credentialId()}'/>">
                            <button type="submit" class="secondary delete-passkey">Delete</button>
                        </form>
                    </td>
                </tr>
            </c:forEach>
        </table>
    </c:otherwise>
</c:choose>
<p><button type="button" id="register-passkey" data-base="${base}">Register a passkey</button>
    <span id="passkey-status" role="status"></span></p>
<script src="${base}/passkeys.js"></script>
<%@ include file="footer.jspf" %>
