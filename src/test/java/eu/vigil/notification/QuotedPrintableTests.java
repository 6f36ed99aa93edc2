package eu.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What mail clients decode from our quoted-printable bodies is what was rendered, in lines SMTP accepts. */
class QuotedPrintableTests {

    @Test
    void accentsEqualsSignsAndTrailingSpacesSurviveWithLineBreaksAsCrlf() throws Exception {
        String text = "Faillissement prononcé: één = 1 € \nLiquidation judiciaire \t\r\nfine\rlast ";
        byte[] encoded = QuotedPrintable.encode(text);

        assertThat(decode(encoded))
                .isEqualTo(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n"));
        assertThat(new String(encoded, StandardCharsets.US_ASCII))
                .contains("prononc=C3=A9", "=3D 1 =E2=82=AC=20\r\nLiquidation judiciaire =09\r\nfine\r\nlast=20");
    }

    @Test
    void longLinesAreBrokenSoftlyAtSeventySixCharactersWithoutSplittingAnEncodedCharacter() throws Exception {
        Random random = new Random(42);
        String alphabet = "abcdefghij KLMNOP=éèàüöç€\t<>\"'.";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(600);
            for (int i = 0; i < length; i++) {
                text.append(
                        random.nextInt(40) == 0
                                ? "\n"
                                : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            byte[] encoded = QuotedPrintable.encode(text.toString());

            assertThat(decode(encoded)).isEqualTo(text.toString().replace("\n", "\r\n"));
            for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\r\n", -1)) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
                assertThat(line).doesNotMatch(".*=[0-9A-F]$").doesNotMatch(".*[ \t]$");
                assertThat(line.chars()).allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t');
            }
        }
    }

    private static String decode(byte[] encoded) throws Exception {
        return new String(
                MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
    }
}
