package eu.vigil.feed;

import java.util.List;

/** The sources Vigil pulls by itself, stream by stream. */
public interface FeedConnectionQueries {

    /** Every stream of every source Vigil pulls or has pulled, by source then stream. */
    List<FeedConnectionStatus> connections();
}
