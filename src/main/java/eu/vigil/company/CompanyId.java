package eu.vigil.company;

import java.util.Objects;

public record CompanyId(String country, String number) {

    public CompanyId {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(number, "number");
    }

    public String display() {
        return switch (country) {
            case "BE" -> BelgianNumbers.display(number);
            case "FR" -> FrenchNumbers.displaySiren(number);
            case "IT", "DE", "LU" -> country + number;
            case "NL" -> DutchNumbers.isBtwId(number) ? country + number : number;
            default -> number;
        };
    }

    public String vatNumber() {
        return switch (country) {
            case "BE", "IT", "DE", "LU" -> country + number;
            case "FR" -> FrenchNumbers.vatNumber(number);
            case "NL" -> DutchNumbers.isBtwId(number) ? country + number : null;
            default -> null;
        };
    }
}
