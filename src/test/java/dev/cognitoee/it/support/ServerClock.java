package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the clock of a deployed test WAR that carries {@code dev.cognitoee.it.clock} (the module's clock there):
 * tests move time instead of sleeping.
 */
public final class ServerClock {

    private static final String PATH = "test-clock";

    private ServerClock() {
    }

    /** Moves the server's clock so that it reads {@code moment} now; returns what it reads after the move. */
    public static Instant moveTo(URL base, Instant moment) {
        Instant now = send(HttpRequest.newBuilder(uri(base))
                .PUT(HttpRequest.BodyPublishers.ofString(moment.toString())));
        assertThat(now).as("the server's clock after the move").isBetween(moment, moment.plusSeconds(5));
        return now;
    }

    /** Puts the server's clock back on real time. */
    public static void reset(URL base) {
        send(HttpRequest.newBuilder(uri(base)).DELETE());
    }

    private static URI uri(URL base) {
        return URI.create(base.toString()).resolve(PATH);
    }

    private static Instant send(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(Http.newClient(), request.timeout(Duration.ofSeconds(30)).build());
        assertThat(response.statusCode()).as("the WAR's test clock: %s", response.body()).isEqualTo(200);
        return Instant.parse(response.body());
    }
}
