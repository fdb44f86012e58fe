package dev.cognitoee.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The message catalogue: ids unique, well-formed, numbered in order, and stable (append only). */
class LogMessageTest {

    /**
     * Every id ever given, with the message it belongs to. Operators alert on these: an entry may be added at the end,
     * never changed or removed.
     */
    private static final List<String> ASSIGNED = List.of(
            "COGNITOEE-0001 MODULE_ACTIVE",
            "COGNITOEE-0002 DEFINITION_NOT_A_BEAN",
            "COGNITOEE-0003 SECRET_HASH_MISSING",
            "COGNITOEE-0004 SECRET_HASH_WRONG",
            "COGNITOEE-0005 FLOW_NOT_ENABLED",
            "COGNITOEE-0006 APP_CLIENT_NOT_FOUND",
            "COGNITOEE-0007 IDENTITY_POOL_UNTRUSTED",
            "COGNITOEE-0008 IDENTITY_POOL_NOT_FOUND",
            "COGNITOEE-0009 GUEST_ACCESS_REFUSED",
            "COGNITOEE-0010 REGION_MISMATCH",
            "COGNITOEE-0011 CONFIGURATION_INVALID",
            "COGNITOEE-0012 DEFINITION_TWICE",
            "COGNITOEE-0013 TOKEN_PROVIDER_TWICE",
            "COGNITOEE-0014 CALLBACK_OUTSIDE_APPLICATION",
            "COGNITOEE-0015 COGNITO_UNREACHABLE",
            "COGNITOEE-0016 COGNITO_ERROR",
            "COGNITOEE-0017 COGNITO_CALL_FAILED",
            "COGNITOEE-0018 IDENTITY_POOL_UNAVAILABLE",
            "COGNITOEE-0019 ANSWERING_503",
            "COGNITOEE-0020 SIGNING_KEYS_STALE",
            "COGNITOEE-0021 SIGNING_KEYS_UNAVAILABLE",
            "COGNITOEE-0022 JWKS_KEY_IGNORED",
            "COGNITOEE-0023 REVOCATION_LIST_FULL",
            "COGNITOEE-0024 REVOCATION_NOT_RECORDED",
            "COGNITOEE-0025 EVENT_OBSERVER_FAILED",
            "COGNITOEE-0026 CREDENTIALS_PROVIDER_FAILED",
            "COGNITOEE-0027 CREDENTIALS_NOT_CLEARED",
            "COGNITOEE-0028 SIGN_OUT_LOCAL_ONLY",
            "COGNITOEE-0029 HOSTED_UI_CODE_REFUSED",
            "COGNITOEE-0030 HOSTED_UI_UNAVAILABLE",
            "COGNITOEE-0031 SESSION_COOKIE_SAME_SITE",
            "COGNITOEE-0032 IDENTITY_POOL_ROLES_INVALID",
            "COGNITOEE-0033 GRID_UNAVAILABLE",
            "COGNITOEE-0034 SESSION_SEAL_BROKEN",
            "COGNITOEE-0043 DEVICE_NOT_REMEMBERED",
            "COGNITOEE-0044 DEVICE_PROOF_REFUSED",
            "COGNITOEE-0051 WEBAUTHN_NOT_ENABLED",
            "COGNITOEE-0055 SRP_CHALLENGE_REFUSED");

    @Test
    void idsAreNeverChangedOrReused() {
        List<String> current = LogMessage.all().stream().map(m -> m.id() + " " + m.name()).toList();
        assertThat(current).as("append new messages at the end; never renumber, rename or remove one")
                .startsWith(ASSIGNED.toArray(String[]::new));
        assertThat(current).hasSize(ASSIGNED.size());
    }

    @Test
    void idsAreUniqueWellFormedAndInOrder() {
        List<String> ids = LogMessage.all().stream().map(LogMessage::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("COGNITOEE-\\d{4}"));
        // Increasing; a range of numbers may be left for messages that other work in progress adds.
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
        }
    }

    @Test
    void everyMessageSaysWhatItMeansAndWhatToDo() {
        assertThat(LogMessage.all()).allSatisfy(m -> {
            assertThat(m.meaning()).isNotBlank().doesNotContain("|").doesNotContain("\n");
            assertThat(m.fix()).isNotBlank().doesNotContain("|").doesNotContain("\n");
            assertThat(m.level()).isIn(Level.INFO, Level.WARNING, Level.SEVERE);
        });
        assertThat(LogMessage.MODULE_ACTIVE.level()).isEqualTo(Level.INFO);
        assertThat(LogMessage.all()).filteredOn(m -> m.level() == Level.INFO).containsExactly(LogMessage.MODULE_ACTIVE);
    }

    @Test
    void theIdStartsTheLoggedTextAndParametersAreFilledIn() {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger("test." + getClass().getName());
        logger.setUseParentHandlers(false);
        Handler handler = new Handler() {
            @Override public void publish(LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);

        LogMessage.COGNITO_ERROR.log(logger, "Cognito answered {0}: {1}", "SomeException", "it''s text");
        LogMessage.SIGNING_KEYS_STALE.log(logger, "no parameters, an app client's quote kept");

        assertThat(records).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.WARNING);
        SimpleFormatter formatter = new SimpleFormatter();
        assertThat(formatter.formatMessage(records.get(0)))
                .isEqualTo("COGNITOEE-0016 Cognito answered SomeException: it''s text");
        assertThat(formatter.formatMessage(records.get(1)))
                .isEqualTo("COGNITOEE-0020 no parameters, an app client's quote kept");
    }
}
