package dev.cognitoee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo keeps uploads inside the caller's folder: only plain names become object names. */
class FileNamesTest {

    @Test
    void aPlainNameIsKept() {
        assertThat(FileNames.safe("notes 2026-11.txt")).isEqualTo("notes 2026-11.txt");
    }

    @Test
    void aPathIsCutToItsLastSegment() {
        assertThat(FileNames.safe("/home/ann/report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.safe("C:\\Users\\ann\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.safe("../../other-user/x.txt")).isEqualTo("x.txt");
    }

    @Test
    void oddNamesAreRefused() {
        assertThat(FileNames.safe(null)).isNull();
        assertThat(FileNames.safe("")).isNull();
        assertThat(FileNames.safe("..")).isNull();
        assertThat(FileNames.safe("dir/")).isNull();
        assertThat(FileNames.safe(".hidden")).isNull();
        assertThat(FileNames.safe("semi;colon.txt")).isNull();
        assertThat(FileNames.safe("<script>.txt")).isNull();
        assertThat(FileNames.safe("a".repeat(101))).isNull();
    }
}
