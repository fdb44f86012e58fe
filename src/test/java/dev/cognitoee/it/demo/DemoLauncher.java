package dev.cognitoee.it.demo;

import java.util.Map;

/**
 * {@code mvn -Pdemo}: starts the {@link DemoStack} on fixed ports ({@code demo.port}, default 8080, and
 * {@code demo.cognitoPort}, default 9229), prints how to use it, and runs until Ctrl-C, which stops everything.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        int httpPort = Integer.getInteger("demo.port", 8080);
        int cognitoPort = Integer.getInteger("demo.cognitoPort", 9229);
        System.out.println("Starting the Cognito EE demo: cognito-local, the identity-pool and S3 stand-ins, "
                + "then Payara Micro (about a minute)...");
        DemoStack stack;
        try {
            stack = DemoStack.start(httpPort, cognitoPort);
        } catch (RuntimeException e) {
            System.err.println("The demo did not start: " + e.getMessage());
            System.err.println("Ports in use? Choose others: mvn -Pdemo -Ddemo.port=8081 -Ddemo.cognitoPort=9230");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the demo...");
            stack.close();
        }));
        CodeDeliveries.echo(stack.emulator().logFile(), System.out);
        System.out.println(banner(stack));
        Thread.currentThread().join(); // until Ctrl-C
    }

    private static String banner(DemoStack stack) {
        DemoPool pool = stack.pool();
        String url = stack.url().toString();
        String endpoint = stack.emulator().endpoint().toString();
        StringBuilder text = new StringBuilder()
                .append("\n================================================================================\n")
                .append(" Cognito EE demo: ").append(url).append("\n\n")
                .append(" Users (password ").append(DemoPool.PASSWORD).append("):\n")
                .append("   ").append(DemoPool.DEMO).append("     groups admin, user\n")
                .append("   ").append(DemoPool.READER).append("   group user (the admin page says 403)\n")
                .append("   ").append(DemoPool.NEWBIE).append("   temporary password ")
                .append(DemoPool.TEMPORARY_PASSWORD).append(": must choose a new one\n")
                .append("   ").append(DemoPool.TOTP_USER).append("     asks for an authenticator code; its secret is ")
                .append(pool.totpSecret()).append("\n")
                .append("            add it to an authenticator app (")
                .append(Totp.uri("CognitoEE", DemoPool.TOTP_USER, pool.totpSecret()))
                .append("), or: oathtool --totp -b ").append(pool.totpSecret()).append("\n")
                .append(" \"Sign in with the hosted UI\" shows cognito-local's sign-in form, behind a stand-in at ")
                .append(stack.hostedUi().baseUri()).append("\n   that adds the nonce and /logout the emulator lacks.\n")
                .append(" Codes Cognito would email (sign-up, password reset) are printed here.\n\n")
                .append(" The JSON API with a bearer token:\n")
                .append("   TOKEN=$(curl -s ").append(endpoint)
                .append(" -H 'Content-Type: application/x-amz-json-1.1'")
                .append(" -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' \\\n")
                .append("     -d '{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"").append(pool.clientId())
                .append("\",\"AuthParameters\":{\"USERNAME\":\"").append(DemoPool.DEMO)
                .append("\",\"PASSWORD\":\"").append(DemoPool.PASSWORD).append("\"}}' \\\n")
                .append("     | node -pe ")
                .append("'JSON.parse(require(\"fs\").readFileSync(0)).AuthenticationResult.AccessToken')\n")
                .append("   curl -H \"Authorization: Bearer $TOKEN\" ").append(url).append("api/me\n\n")
                .append(" Settings the WAR runs with (MicroProfile Config, as system properties):\n");
        for (Map.Entry<String, String> setting : stack.settings().entrySet()) {
            text.append("   ").append(setting.getKey()).append('=').append(setting.getValue()).append('\n');
        }
        return text.append("\n The WAR: ").append(stack.payara().log().resolveSibling(DemoWar.NAME + ".war"))
                .append("\n Payara's log: ").append(stack.payara().log().resolveSibling("payara-micro.log"))
                .append("\n\n Ctrl-C stops everything.")
                .append("\n================================================================================\n")
                .toString();
    }
}
