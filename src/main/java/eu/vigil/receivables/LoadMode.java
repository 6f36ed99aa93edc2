package eu.vigil.receivables;

/**
 * How a load treats the ledger: a snapshot is the ERP's whole list of open items, so an open item it no longer carries
 * has been settled (closed, paid on the snapshot's date); a delta changes only the items it carries.
 */
public enum LoadMode {
    SNAPSHOT,
    DELTA
}
