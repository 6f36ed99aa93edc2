package eu.vigil.company;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The latest bureau scores of companies, as numbers: what lists and exports show beside each company. */
@Service
public class CompanyScores {

    private final JdbcTemplate jdbc;

    CompanyScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A company's latest scores; a field the bureau did not give is null. {@code pd} is a probability (0.0123 = 1.23 %). */
    public record Scores(
            String rating,
            BigDecimal riskClass,
            BigDecimal pd,
            BigDecimal creditLimit,
            String currency,
            LocalDate asOf) {}

    /** The scores of those of these companies a bureau reported on, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Scores> latest(Collection<Long> companyIds) {
        Map<Long, Scores> scores = new HashMap<>(companyIds.size() * 2);
        if (companyIds.isEmpty()) {
            return scores;
        }
        jdbc.query(
                """
                select company_id, doc ->> 'rating', doc ->> 'riskClass', doc ->> 'pd', doc ->> 'creditLimit', doc ->> 'currency', as_of
                from company_section where section = 'scores' and company_id = any(?::bigint[])""",
                rs -> {
                    scores.put(
                            rs.getLong(1),
                            new Scores(
                                    rs.getString(2),
                                    number(rs.getString(3)),
                                    number(rs.getString(4)),
                                    number(rs.getString(5)),
                                    rs.getString(6),
                                    rs.getDate(7).toLocalDate()));
                },
                (Object) companyIds.toArray(Long[]::new));
        return scores;
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
