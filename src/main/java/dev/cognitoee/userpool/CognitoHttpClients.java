package dev.cognitoee.userpool;

import dev.cognitoee.config.CognitoConfig;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The HTTP client of every AWS SDK call the module makes to Cognito: the JDK's, with the configured timeouts. */
public final class CognitoHttpClients {

    private CognitoHttpClients() {
    }

    public static SdkHttpClient forConfig(CognitoConfig config) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(config.connectTimeout())
                .socketTimeout(config.readTimeout())
                .build();
    }
}
