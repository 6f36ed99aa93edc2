package eu.vigil.feed.kbo;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The identity and status sections as KBO fills them, in a canonical order so equal states hash equally. */
final class KboDocuments {

    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private KboDocuments() {}

    record Name(String type, String language, String value) {}

    record Address(
            String type,
            String countryNL,
            String countryFR,
            String zipcode,
            String municipalityNL,
            String municipalityFR,
            String streetNL,
            String streetFR,
            String houseNumber,
            String box,
            String extraInfo,
            String struckOffOn) {}

    record Contact(String entity, String type, String value) {}

    /** Stored as a tuple [group, naceVersion, naceCode, classification]: activities are most of a company's bytes. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"group", "naceVersion", "naceCode", "classification"})
    record Activity(String group, String naceVersion, String naceCode, String classification) {}

    record Establishment(String number, String startDate) {}

    record Identity(
            String typeOfEnterprise,
            String juridicalForm,
            String juridicalFormCac,
            String startDate,
            List<Name> names,
            List<Address> addresses,
            List<Contact> contacts,
            List<Activity> activities,
            List<Establishment> establishments) {

        Identity {
            names = sorted(
                    names,
                    Comparator.comparing(Name::type)
                            .thenComparing(Name::language)
                            .thenComparing(Name::value));
            addresses = sorted(
                    addresses,
                    Comparator.comparing(Address::type)
                            .thenComparing(a -> String.valueOf(a.zipcode()))
                            .thenComparing(a -> String.valueOf(a.streetNL()))
                            .thenComparing(a -> String.valueOf(a.houseNumber())));
            contacts = sorted(contacts, Comparator.comparing(Contact::type).thenComparing(Contact::value));
            activities = sorted(
                    activities,
                    Comparator.comparing(Activity::group)
                            .thenComparing(Activity::naceVersion)
                            .thenComparing(Activity::classification)
                            .thenComparing(Activity::naceCode));
            establishments = sorted(establishments, Comparator.comparing(Establishment::number));
        }

        static Identity empty() {
            return new Identity(null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
        }

        Identity withEnterprise(String type, String form, String formCac, String start) {
            return new Identity(type, form, formCac, start, names, addresses, contacts, activities, establishments);
        }

        Identity withNames(List<Name> value) {
            return new Identity(
                    typeOfEnterprise,
                    juridicalForm,
                    juridicalFormCac,
                    startDate,
                    value,
                    addresses,
                    contacts,
                    activities,
                    establishments);
        }

        Identity withAddresses(List<Address> value) {
            return new Identity(
                    typeOfEnterprise,
                    juridicalForm,
                    juridicalFormCac,
                    startDate,
                    names,
                    value,
                    contacts,
                    activities,
                    establishments);
        }

        Identity withContacts(List<Contact> value) {
            return new Identity(
                    typeOfEnterprise,
                    juridicalForm,
                    juridicalFormCac,
                    startDate,
                    names,
                    addresses,
                    value,
                    activities,
                    establishments);
        }

        Identity withActivities(List<Activity> value) {
            return new Identity(
                    typeOfEnterprise,
                    juridicalForm,
                    juridicalFormCac,
                    startDate,
                    names,
                    addresses,
                    contacts,
                    value,
                    establishments);
        }

        Identity withEstablishments(List<Establishment> value) {
            return new Identity(
                    typeOfEnterprise,
                    juridicalForm,
                    juridicalFormCac,
                    startDate,
                    names,
                    addresses,
                    contacts,
                    activities,
                    value);
        }
    }

    /**
     * @param active          in KBO's active population (the open data holds only active entities)
     * @param situationClass  what the juridical situation means for a credit manager (normal, bankruptcy, ...)
     * @param ceasedOn        the snapshot date of the extract in which the enterprise left the active population
     */
    record Status(boolean active, String status, String juridicalSituation, String situationClass, String ceasedOn) {}

    static <T> List<T> sorted(List<T> values, Comparator<T> order) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values);
        copy.sort(order);
        return List.copyOf(copy);
    }

    private static final Map<String, String> SITUATION_CLASSES = situationClasses();

    /** The juridical situation classes of src/docs/feeds.md §1; anything else counts as "other". */
    static String situationClass(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return SITUATION_CLASSES.getOrDefault(code, "other");
    }

    private static Map<String, String> situationClasses() {
        Map<String, String> classes = new java.util.HashMap<>();
        for (String c : new String[] {"000", "001", "002", "090", "100"}) {
            classes.put(c, "normal");
        }
        classes.put("010", "dissolution");
        classes.put("013", "dissolution");
        classes.put("012", "liquidation");
        classes.put("112", "liquidation");
        classes.put("014", "ended");
        classes.put("020", "corporate-event");
        classes.put("021", "merger");
        classes.put("022", "merger");
        for (String c : new String[] {"023", "024", "025", "026"}) {
            classes.put(c, "demerger");
        }
        for (String c : new String[] {"030", "031", "040", "041", "042", "043"}) {
            classes.put(c, "insolvency");
        }
        for (String c : new String[] {"048", "049", "050"}) {
            classes.put(c, "bankruptcy");
        }
        for (String c : new String[] {"051", "052", "053"}) {
            classes.put(c, "bankruptcy-closed");
        }
        classes.put("091", "reorganisation");
        for (String c : new String[] {"003", "006", "011", "015", "016", "017", "018", "019", "111", "999"}) {
            classes.put(c, "ended");
        }
        return Map.copyOf(classes);
    }

    /** Every juridical-situation code of src/docs/feeds.md §1 (the ones given a class). */
    static java.util.Set<String> allSituationCodes() {
        return SITUATION_CLASSES.keySet();
    }

    /** {@code dd-mm-yyyy} to ISO, or null when empty; throws on anything else. */
    static String isoDate(String kboDate) {
        if (kboDate == null || kboDate.isEmpty()) {
            return null;
        }
        if (kboDate.length() != 10 || kboDate.charAt(2) != '-' || kboDate.charAt(5) != '-') {
            throw new IllegalArgumentException("'" + kboDate + "' is not a date dd-mm-yyyy");
        }
        try {
            return LocalDate.of(
                            Integer.parseInt(kboDate.substring(6)),
                            Integer.parseInt(kboDate.substring(3, 5)),
                            Integer.parseInt(kboDate.substring(0, 2)))
                    .toString();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + kboDate + "' is not a date dd-mm-yyyy");
        }
    }
}
