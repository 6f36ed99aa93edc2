package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts as people type them in an ERP export, in any of our four languages. */
class AmountTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10.000,00 EUR | 10000.00 | EUR",
                "€ 10,000.50   | 10000.50 | EUR",
                "5000          | 5000.00  | EUR",
                "1 250,5       | 1250.50  | EUR",
                "USD 2,500     | 2500.00  | USD",
                "£1.234.567    | 1234567.00 | GBP",
                "12,5 CHF      | 12.50    | CHF"
            })
    void understands(String text, String value, String currency) {
        Amount amount = Amount.parse(text).orElseThrow();
        assertThat(amount.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(amount.currency()).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource({"ten thousand", "12-34", "1e5"})
    void saysWhatIsNoAmount(String text) {
        assertThatThrownBy(() -> Amount.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }
}
