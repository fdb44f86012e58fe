package dev.cognitoee.internal.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The one-block HKDF-SHA256 on RFC 5869's own test vectors (appendix A), cut to the lengths it serves. */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869TestCase1() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        // OKM (42 bytes) = 3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865
        assertThat(HEX.formatHex(Hkdf.derive(salt, ikm, info, 32)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
        assertThat(HEX.formatHex(Hkdf.derive(salt, ikm, info, 16))).isEqualTo("3cb25f25faacd57a90434f64d0362f2a");
    }

    @Test
    void rfc5869TestCase3WithoutSaltOrInfoAsItsZeroKey() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        // "not provided" salt = HashLen zeros (RFC 5869, 2.2)
        assertThat(HEX.formatHex(Hkdf.derive(new byte[32], ikm, new byte[0], 32)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    }

    @Test
    void refusesMoreThanOneBlock() {
        assertThatThrownBy(() -> Hkdf.derive(new byte[] {1}, new byte[] {2}, new byte[0], 33))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
