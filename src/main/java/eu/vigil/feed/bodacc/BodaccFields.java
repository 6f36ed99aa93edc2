package eu.vigil.feed.bodacc;

import eu.vigil.feed.bodacc.BodaccDocuments.Status;
import eu.vigil.signal.FieldValues;

/** The catalogue's status fields (and filed accounts) as a company's BODACC notices fill them. */
final class BodaccFields {

    static final String COUNTRY = "FR";

    private BodaccFields() {}

    static FieldValues of(Status status) {
        return new FieldValues(COUNTRY)
                .text("status.active", status.active())
                .text("status.juridicalSituation", status.juridicalSituation())
                .text("status.proceedings", status.proceedings())
                .text("accounts.filing", status.accountsFiled());
    }

    /**
     * The same, with the notice a correction or cancellation names, as it stood and as it stands now:
     * the only time {@code status.legalNotices} is compared.
     */
    static FieldValues of(Status status, String correctedNotice) {
        return of(status).text("status.legalNotices", correctedNotice);
    }
}
