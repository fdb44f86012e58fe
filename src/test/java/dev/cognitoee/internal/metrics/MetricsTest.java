package dev.cognitoee.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.AuthError;
import dev.cognitoee.event.SignInFailed;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counters, and what each module event counts (the counters are per class loader: the tests compare deltas). */
class MetricsTest {

    @Test
    void eachEventCountsWhatItReports() {
        long signIns = Metrics.SIGN_INS.value();
        long wrongPasswords = Metrics.SIGN_IN_FAILURES.value(AuthError.NOT_AUTHORIZED);
        long unconfirmed = Metrics.SIGN_IN_FAILURES.value(AuthError.USER_NOT_CONFIRMED);
        long refreshes = Metrics.REFRESHES.value();
        long refreshFailures = Metrics.REFRESH_FAILURES.value(AuthError.SERVICE_UNAVAILABLE);
        Instant now = Instant.now();

        Metrics.count(new SignedIn("alice", "sub", Set.of(), SignInMethod.FORM, "default", now));
        Metrics.count(new SignInFailed("bob", AuthError.NOT_AUTHORIZED, SignInMethod.PASSWORD, "default", now));
        Metrics.count(new SignInFailed("bob", AuthError.NOT_AUTHORIZED, SignInMethod.PASSWORD, "default", now));
        Metrics.count(new TokenRefreshed("alice", now, "default", now));
        Metrics.count(new TokenRefreshFailed("alice", AuthError.SERVICE_UNAVAILABLE, false, "default", now));
        Metrics.count(new SignedOut("alice", false, SignedOut.Reason.SIGN_OUT, "default", now));

        assertThat(Metrics.SIGN_INS.value() - signIns).isEqualTo(1);
        assertThat(Metrics.SIGN_IN_FAILURES.value(AuthError.NOT_AUTHORIZED) - wrongPasswords).isEqualTo(2);
        assertThat(Metrics.SIGN_IN_FAILURES.value(AuthError.USER_NOT_CONFIRMED) - unconfirmed).isZero();
        assertThat(Metrics.REFRESHES.value() - refreshes).isEqualTo(1);
        assertThat(Metrics.REFRESH_FAILURES.value(AuthError.SERVICE_UNAVAILABLE) - refreshFailures).isEqualTo(1);
    }

    @Test
    void countsByKeyAreSeparateAndZeroUntilUsed() {
        CountByKey counts = new CountByKey();
        counts.increment(AuthError.CODE_EXPIRED);
        counts.increment(AuthError.CODE_EXPIRED);
        counts.increment(AuthError.CODE_MISMATCH);

        assertThat(counts.value(AuthError.CODE_EXPIRED)).isEqualTo(2);
        assertThat(counts.value(AuthError.CODE_MISMATCH)).isEqualTo(1);
        assertThat(counts.value(AuthError.UNEXPECTED)).isZero();
    }

    @Test
    void callTimesAddUpCallsFailuresAndSeconds() {
        CallTimes times = new CallTimes();
        times.record("InitiateAuth", 250_000_000L, false);
        times.record("InitiateAuth", 500_000_000L, true);
        times.record("GetUser", 1_000_000L, false);

        assertThat(times.calls("InitiateAuth")).isEqualTo(2);
        assertThat(times.failures("InitiateAuth")).isEqualTo(1);
        assertThat(times.seconds("InitiateAuth")).isEqualTo(0.75);
        assertThat(times.calls("GetUser")).isEqualTo(1);
        assertThat(times.calls("SignUp")).isZero();
        assertThat(times.seconds("SignUp")).isZero();
    }
}
