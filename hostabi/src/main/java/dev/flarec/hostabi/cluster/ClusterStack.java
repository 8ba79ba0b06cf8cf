package dev.flarec.hostabi.cluster;

import dev.flarec.hostabi.config.ClusterConfig;
import java.util.stream.Collectors;

/**
 * The JGroups protocol stack a node runs, as the XML JGroups reads: TCP between nodes (edge
 * networks seldom carry multicast), discovery from the configured seeds only, failure detection
 * tuned to notice a silent node within about six seconds, and periodic merge checks so that
 * partitions that heal become one view again within seconds. Everything listens on the bind address
 * only: the cluster port, and for crash detection (FD_SOCK2) the first free port from the cluster
 * port + 100 to + 104.
 */
final class ClusterStack {
  private ClusterStack() {}

  static String xml(ClusterConfig config) {
    String seeds =
        config.seeds().isEmpty()
            ? hostPort(config.bind())
            : config.seeds().stream().map(ClusterStack::hostPort).collect(Collectors.joining(","));
    return """
        <config xmlns="urn:org:jgroups">
          <TCP bind_addr="%s" bind_port="%d" port_range="0"
               thread_pool.min_threads="0" thread_pool.max_threads="16"
               thread_pool.keep_alive_time="30000"/>
          <TCPPING initial_hosts="%s" port_range="0" async_discovery="true"
                   return_entire_cache="true"/>
          <MERGE3 min_interval="1000" max_interval="3000"/>
          <FD_SOCK2 bind_addr="%s" offset="100" port_range="5"/>
          <FD_ALL3 timeout="6000" interval="1500"/>
          <VERIFY_SUSPECT2 timeout="1000"/>
          <pbcast.NAKACK2 use_mcast_xmit="false"/>
          <UNICAST3/>
          <pbcast.STABLE desired_avg_gossip="20000" max_bytes="4M"/>
          <pbcast.GMS join_timeout="1000" print_local_addr="false"/>
          <MFC max_credits="4M" min_threshold="0.4"/>
          <UFC max_credits="4M" min_threshold="0.4"/>
          <FRAG2 frag_size="60000"/>
        </config>
        """
        .formatted(
            xmlAttr(config.bind().host()),
            config.bind().port(),
            xmlAttr(seeds),
            xmlAttr(config.bind().host()));
  }

  /** JGroups writes a seed as {@code host[port]}. */
  private static String hostPort(ClusterConfig.Address a) {
    return a.host() + "[" + a.port() + "]";
  }

  private static String xmlAttr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
