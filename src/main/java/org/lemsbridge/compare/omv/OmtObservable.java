package org.lemsbridge.compare.omv;

/** One observable of an OMT experiment, named as OMV names its analyzer. */
public sealed interface OmtObservable {

    /** OMV's default when an observable gives no tolerance. */
    double DEFAULT_TOLERANCE = 0.1;

    /** The OMV name of the observable ({@code spike times}, {@code spike rate}). */
    String kind();

    /** The relative tolerance of OMV's comparison. */
    double tolerance();

    DataSource source();

    /** Spike times, from a trace by detection or from a spike-times file. */
    record SpikeTimes(DataSource source, double tolerance) implements OmtObservable {
        @Override
        public String kind() {
            return "spike times";
        }
    }

    /**
     * The mean spike rate over the cells of the source: OMV's {@code isi based} rate (ISIs whose both ends lie in
     * [start, end], their number over their sum) or {@code duration based} (spikes in [start, end] over end - start).
     */
    record SpikeRate(DataSource source, RateMethod method, double start, double end, double tolerance)
            implements OmtObservable {
        @Override
        public String kind() {
            return "spike rate";
        }
    }

    /** OMV's two ways to compute a rate. */
    enum RateMethod {
        ISI_BASED("isi based"), DURATION_BASED("duration based");

        private final String omvName;

        RateMethod(String omvName) {
            this.omvName = omvName;
        }

        public String omvName() {
            return omvName;
        }
    }
}
