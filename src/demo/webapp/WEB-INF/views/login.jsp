<%@ include file="header.jspf" %>
<c:choose>
    <c:when test="${step == 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED'}">
        <h1>Choose a new password</h1>
        <p>Your account has a temporary password. Choose your own to finish signing in.</p>
        <form method="post" action="${base}/login" class="card">
            <input type="hidden" name="step" value="${step}">
            <label>New password <input type="password" name="answer" id="answer" autocomplete="new-password" required></label>
            <button type="submit" id="confirm">Set password and sign in</button>
        </form>
    </c:when>
    <c:when test="${step == 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' || step == 'CONFIRM_SIGN_IN_WITH_SMS_CODE'
                    || step == 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE' || step == 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE'}">
        <h1>Enter your code</h1>
        <p><c:choose>
            <c:when test="${step == 'CONFIRM_SIGN_IN_WITH_TOTP_CODE'}">Open your authenticator app and enter the 6-digit code.</c:when>
            <c:otherwise>Enter the code Cognito sent you.</c:otherwise>
        </c:choose></p>
        <form method="post" action="${base}/login" class="card">
            <input type="hidden" name="step" value="${step}">
            <label>Code <input name="answer" id="answer" inputmode="numeric" autocomplete="one-time-code" required></label>
            <button type="submit" id="confirm">Sign in</button>
        </form>
    </c:when>
    <c:when test="${step == 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION'}">
        <h1>How do you want to confirm it is you?</h1>
        <form method="post" action="${base}/login" class="card">
            <input type="hidden" name="step" value="${step}">
            <button type="submit" name="answer" value="TOTP">Authenticator app</button>
            <button type="submit" name="answer" value="SMS">Text message</button>
        </form>
    </c:when>
    <c:when test="${step == 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION'}">
        <h1>Set up a second step</h1>
        <p>This account must confirm each sign-in with a code. Where should the codes come from?</p>
        <form method="post" action="${base}/login" class="card">
            <input type="hidden" name="step" value="${step}">
            <button type="submit" name="answer" value="EMAIL" id="setup-email">Email</button>
            <button type="submit" name="answer" value="TOTP" id="setup-totp">Authenticator app</button>
        </form>
    </c:when>
    <c:when test="${step == 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP'}">
        <h1>Where should we email your codes?</h1>
        <form method="post" action="${base}/login" class="card">
            <input type="hidden" name="step" value="${step}">
            <label>Email address <input type="email" name="answer" id="answer" autocomplete="email" required></label>
            <button type="submit" id="confirm">Send me a code</button>
        </form>
    </c:when>
    <c:when test="${not empty step}">
        <h1>One more step</h1>
        <p>Cognito asks for a step this demo does not show (<c:out value="${step}"/>).
            <a href="${base}/login">Start again</a>.</p>
    </c:when>
    <c:otherwise>
        <h1>Sign in</h1>
        <form method="post" action="${base}/j_security_check" class="card">
            <label>Username <input name="j_username" id="username" autocomplete="username" required></label>
            <label>Password <input type="password" name="j_password" id="password" autocomplete="current-password" required></label>
            <button type="submit" id="sign-in">Sign in</button>
        </form>
        <form method="post" action="${base}/login/hosted-ui" class="card">
            <p>Or use Cognito's own sign-in page, where a pool can also offer Google, Facebook, SAML...</p>
            <button type="submit" id="hosted-ui">Sign in with the hosted UI</button>
        </form>
        <p><a href="${base}/reset">Forgot your password?</a> &middot; <a href="${base}/signup">Create an account</a></p>
    </c:otherwise>
</c:choose>
<%@ include file="footer.jspf" %>
