package dev.cognitoee.internal.userpool;

import dev.cognitoee.internal.config.CognitoConfig;
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
