package eu.vigil.feed.accounts;

import eu.vigil.feed.accounts.AccountsDocument.Filing;
import eu.vigil.signal.FieldValues;
import java.util.Map;

/** The catalogue's accounts fields as the latest filing (and, for streaks, the earlier ones) fill them. */
final class AccountsFields {

    private static final Map<String, String> RUBRICS = Map.ofEntries(
            Map.entry("accounts.capital", "100"),
            Map.entry("accounts.equity", "10/15"),
            Map.entry("accounts.totalAssets", "20/58"),
            Map.entry("accounts.fixedAssets", "21/28"),
            Map.entry("accounts.currentAssets", "29/58"),
            Map.entry("accounts.cash", "54/58"),
            Map.entry("accounts.shortTermDebt", "42/48"),
            Map.entry("accounts.turnover", "70"),
            Map.entry("accounts.grossMargin", "9900"),
            Map.entry("accounts.operatingResult", "9901"),
            Map.entry("accounts.fte", "9087"),
            Map.entry("accounts.overdueTaxDebt", "9072"),
            Map.entry("accounts.overdueSocialDebt", "9076"));

    private AccountsFields() {}

    static FieldValues of(String homeCountry, AccountsDocument accounts) {
        FieldValues fields = new FieldValues(homeCountry);
        Filing latest = accounts.latest();
        if (latest == null) {
            // a company with no filing yet: its first one is "filed", and late or not
            return fields.text("accounts.filing", null).text("accounts.filedLate", false);
        }
        fields.text("accounts.filing", latest.periodEnd()).text("accounts.filedLate", latest.late());
        RUBRICS.forEach((field, rubric) -> fields.text(field, latest.item(rubric)));
        fields.series(
                "accounts.netResult",
                accounts.filings().stream().map(f -> f.item("9904")).toList());
        return fields.text("accounts.auditorOpinion", latest.auditorOpinion())
                .text("accounts.currentRatio", latest.currentRatio())
                .text("accounts.solvency", latest.solvency());
    }
}
