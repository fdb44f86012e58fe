package dev.cognitoee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.TotpSetupDetails;
import dev.cognitoee.it.demo.QrImages;
import org.junit.jupiter.api.Test;

/** The demo's QR code reads back, with a reader, as the authenticator URI it was drawn from. */
class QrCodesTest {

    @Test
    void theQrCodeIsTheOtpauthUri() throws Exception {
        String uri = TotpSetupDetails.of("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "eu-west-1_AbC123", "alice@example.com")
                .getSetupUri(MfaServlet.APP_NAME).toString();

        String png = QrCodes.pngDataUri(uri);

        assertThat(png).startsWith("data:image/png;base64,");
        assertThat(QrImages.decode(png)).isEqualTo(uri)
                .isEqualTo("otpauth://totp/Cognito%20EE%20demo:alice%40example.com"
                        + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cognito%20EE%20demo");
    }
}
