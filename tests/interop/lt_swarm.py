#!/usr/bin/python3
"""Several libtorrent sessions in one process, on loopback, for Swarmscope's DHT and PEX tests.

Run with Debian's /usr/bin/python3 (package python3-libtorrent, libtorrent 2.0.x).

  lt_swarm.py dht --torrent T --data DIR [--nodes 4] [--bootstrap HOST:PORT]... [--timeout S]
  lt_swarm.py pex --torrent T --data DIR [--others 3] [--hub seed|empty] [--peer HOST:PORT]...
                  [--timeout S]
  common: [--first-host 127.0.0.2] [--port P] (P+i for session i; 0 = any free port)

dht: --nodes DHT nodes on 127.0.0.2, .3, ... (UDP DHT port == TCP listen port), bootstrapped
  only from each other; the first one seeds T from DIR and announces it. Each --bootstrap node
  (yours) is added to every node's routing table: libtorrent sends it a get_peers or find_node
  query and keeps it once it answers.
pex: a hub on 127.0.0.2 connected (outgoing) to --others seeders on .3, .4, ...; the hub seeds
  too, or with --hub empty holds no piece and wants none, so a leecher gets data only from peers
  it learned by PEX. The hub connects to every --peer; or connect to the hub yourself.

stdout, one "TAG {json}" line per event ("t" = seconds since READY):
  READY {mode, info_hash, magnet, setup_s, nodes:[{name, host, port, dht_port, seeding}]}   dht
  READY {mode, info_hash, magnet, setup_s, hub:{...}, others:[{name, host, port}]}          pex
  NODE_SEEN {node, peer, t}          dht: a node outside the swarm entered node's routing table
  DHT_QUERY {node, from, q, target, t}   dht: first query of each kind/target from outside
  DHT_ANNOUNCE {node, peer, info_hash, t}   dht: node stored an announce_peer
  PEER_CONNECTED {peer, outgoing, t} / PEER_DISCONNECTED {peer, t}   pex: the hub's outside peers
  EXT_HANDSHAKE {peer, ut_pex, t}    pex: extension handshake the hub received from an outside peer
  PEX_SENT {to, kind, added, dropped, t}   pex: ut_pex message the hub sent to an outside peer
  LT_ERROR {node, what, message}    a libtorrent error alert (e.g. a file error)
  OK {cmd} / ERROR {message} / BYE {reason}
  NODE_SEEN and DHT_ANNOUNCE may come before READY (then with t 0).
stdin commands, one a line: "add-node HOST:PORT" (dht), "announce" (dht), "connect HOST:PORT"
  (pex), "quit". The process ends at EOF on stdin, "quit", or --timeout (default 300 s); exit 0.
  Keep stdin open (a pipe, or a terminal): with </dev/null it ends right after READY.
  Setup failures (e.g. DIR not holding the data) print ERROR and exit 1. Only loopback
  endpoints are accepted anywhere; --lt-set SETTING=VALUE overrides a setting (experiments).

Findings, libtorrent 2.0.8 (Debian 12), measured with lt_swarm_selftest.py --runs 3 (2-core VM)
----------------------------------------------------------------------------------------------
Staying on loopback: lsd, upnp, natpmp off; dht_bootstrap_nodes "" given to the session
  constructor (the default dht.libtorrent.org:25401 is resolved by DNS as soon as the DHT
  starts; "" means no router at all); uTP off. lt_swarm_selftest.py --strace traces every
  connect/sendto/sendmsg of the selftest and the swarm: only 127.0.0.x, no port 53.
DHT, what loopback needs:
  - Never list the swarm's nodes in dht_bootstrap_nodes: those are "router nodes", queried
    while the table is empty but never put in a routing table (routing_table::add_node_impl
    refuses any endpoint in m_router_nodes), so 4 nodes routing for each other keep empty
    tables. session.add_dht_node() sends one find_node/get_peers and keeps the node when it
    answers; --bootstrap nodes (ours) get the same, re-sent every 2 s until they are in.
  - dht_restrict_routing_ips=False is REQUIRED: with it (the default) a bucket keeps one node per
    /24, the 4-node mesh never forms (checked: setup times out).
  - dht_restrict_search_ips=False: with it a lookup queries only one node per /24, i.e. one of
    all 127.0.0.x; the selftest still passes (every node stores the announce) but our node would
    rarely be asked. dht_prefer_verified_node_ids=False: loopback ids are never BEP 42
    "verified"; only bucket splitting depends on it (selftest passes either way).
  - dht_enforce_node_id stays False (default), else ids not matching BEP 42 for the sender's IP
    are dropped. dht_ignore_dark_internet never concerns 127/8. dht_upload_rate_limit raised
    from 8000 B/s (over quota, libtorrent silently drops incoming queries).
  - Replies carry "ip" (BEP 42); libtorrent votes its external address from them. A node may
    report storing its own announce. A hybrid (v1+v2) torrent is announced under both the v1
    hash and the truncated v2 hash; Swarmscope's torrents are v1 only.
  - A node outside the swarm must answer find_node/get_peers/ping with a valid "id" to be kept
    (a bare responder with empty "nodes" is enough: proof dht-raw).
DHT timings: setup (4 nodes listening, mesh, seeder checked, announce stored) 0.59-0.66 s; the
  seeder's torrent announces by itself once its table has nodes (no force_dht_announce needed).
  --bootstrap node queried and in a table 0-0.05 s after add_dht_node. A bare get_peers to a
  node returns the seeder in "values" with a token, < 1 ms. A libtorrent leecher given only the
  magnet (and one node, or none but added through --bootstrap): peers from the DHT 0.64-0.87 s
  after the magnet is added (mostly libtorrent's own 1 s scheduling), metadata + 2 MB 0.78-0.92 s.
  The seeder re-announces every dht_announce_interval (default 900 s; --announce-interval 60).
PEX:
  - libtorrent sends loopback addresses in ut_pex, and accepts them from a local peer (it drops
    local addresses only when the sender is not local).
  - It sends nothing until the receiver's extension handshake names ut_pex in "m", nor for a
    private torrent, nor while the hub has fewer than 2 peers (the receiver counts).
  - First message: a full list (dropped empty, added = every peer past the handshake), at the
    hub's next 1 s tick: 0.98-1.03 s after a bare peer's extension handshake, 0.04-1.0 s after
    a libtorrent leecher's connection. Then a diff every 60 s only if something changed, except
    that the first diff (~60 s) repeats every peer as added (seen with peer_log).
  - The receiver itself is in the list iff the hub dialled it or its extension handshake had
    "p" (its listen port); an incoming peer without "p" is left out (proofs pex-raw(-port)).
  - added.f for the libtorrent seeds: 0x0b or 0x0a (0x02 seed, 0x08 holepunch, 0x01 encryption
    when that connection supports it).
  - A libtorrent receiver disconnects a peer sending more than 6 ut_pex messages within 60 s
    (too_frequent_pex) and keeps at most max_pex_peers (50) from one peer.
  - close_redundant_connections=False is REQUIRED: by default seeds (and finished peers) drop
    each other and the hub cannot hold its peers (checked: setup times out).
    allow_multiple_connections_per_ip is on (outside peers may share 127.0.0.1; each session
    here has its own address, the proofs pass without it). The others get disable_pex: they
    never learn of (and dial) an outside peer, so its connections to them are its own doing.
  - A finished libtorrent never dials a known seed, so a leecher that completes from the hub
    before the first PEX ignores the others (the selftest limits its rate for pex-seed).
  - libtorrent leecher connected only to the hub: every other peer connected, source pex (0x4),
    0-0.03 s after the first PEX; with --hub empty it completes from them alone.
  setup (hub + 3 seeds checked and connected) 1.54-1.58 s: the hub dials on its 1 s tick.
"""

import argparse
import ipaddress
import json
import locale
import os
import re
import select
import sys
import tempfile
import time
import warnings

import libtorrent as lt

# File names on disk are UTF-8 whatever the caller's locale (see lt_tool.py).
for _name in ("C.UTF-8", "C.utf8", "en_US.UTF-8"):
    try:
        locale.setlocale(locale.LC_CTYPE, _name)
        break
    except locale.Error:
        pass

POLL_S = 0.05
SETUP_TIMEOUT_S = 30
TABLE_CHECK_S = 0.5
READD_NODE_S = 2.0
ANNOUNCE_RETRY_S = 5.0
_CAT = lt.alert.category_t


class SetupError(Exception):
    pass


def emit(tag, **fields):
    print(tag, json.dumps(fields, sort_keys=True), flush=True)


def loopback_endpoint(text):
    """HOST:PORT on loopback; anything else is refused so no test can send a packet outside."""
    host, _, port = text.rpartition(":")
    try:
        ok = ipaddress.ip_address(host).is_loopback and port.isdigit() and 0 < int(port) < 65536
    except ValueError:
        ok = False
    if not ok:
        raise argparse.ArgumentTypeError("expected a loopback HOST:PORT, not " + text)
    return host, int(port)


def ep_str(ep):
    return "%s:%d" % (ep[0], ep[1])


# --lt-set NAME=VALUE overrides, for finding out which of the settings below matter. Only
# settings that cannot send a packet off loopback (no LSD, UPnP, router, proxy, interface...).
OVERRIDES = {}
OVERRIDABLE = {"allow_multiple_connections_per_ip", "close_redundant_connections",
               "connection_speed", "max_pex_peers"}


def parse_override(text):
    name, sep, value = text.partition("=")
    default = lt.default_settings().get(name)
    allowed = (name.startswith("dht_") and name != "dht_bootstrap_nodes") \
        or name.endswith("_rate_limit") or name in OVERRIDABLE
    if not sep or default is None or not allowed:
        raise argparse.ArgumentTypeError("expected SETTING=VALUE, SETTING one of dht_* (not "
                                         "dht_bootstrap_nodes), *_rate_limit, "
                                         + ", ".join(sorted(OVERRIDABLE)))
    if isinstance(default, bool):
        return name, value.lower() in ("1", "true", "yes", "on")
    return name, type(default)(value)


def session_settings(host, port, dht, alert_mask):
    settings = {
        "listen_interfaces": "%s:%d" % (host, port),
        # Connections leave from the session's own address, so peers see it where it listens.
        "outgoing_interfaces": host,
        # Nothing may leave loopback: no LAN or internet discovery, no DHT router. The empty
        # bootstrap list must be in the constructor's settings, before the DHT first starts.
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "enable_dht": dht,
        "dht_bootstrap_nodes": "",
        # Swarmscope speaks TCP only.
        "enable_outgoing_utp": False,
        "enable_incoming_utp": False,
        # Every session is on 127.0.0.x: without these the DHT keeps one node per /24.
        "dht_restrict_routing_ips": False,
        "dht_restrict_search_ips": False,
        "dht_prefer_verified_node_ids": False,
        "dht_enforce_node_id": False,
        "dht_upload_rate_limit": 1 << 20,
        "allow_multiple_connections_per_ip": True,
        # Seeds keep their connections to seeds (the PEX hub must keep its peers).
        "close_redundant_connections": False,
        "alert_mask": alert_mask,
    }
    settings.update(OVERRIDES)
    return settings


def host_at(first_host, index):
    host = ipaddress.ip_address(first_host) + index
    if not host.is_loopback:
        raise SetupError("%s is not a loopback address" % host)
    return str(host)


def info_only(torrent_path):
    """The torrent's info dictionary alone: its trackers and web seeds are never contacted."""
    original = lt.torrent_info(torrent_path)
    return lt.torrent_info(lt.bdecode(b"d4:info" + original.info_section() + b"e"))


def wait_until(predicate, seconds, what, between=None):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise SetupError("timed out after %g s waiting for %s" % (seconds, what))
        if between is not None:
            between()
        time.sleep(POLL_S)


def routing_table(session):
    """Endpoints in the session's DHT routing table (IPv4)."""
    with warnings.catch_warnings():
        # Deprecated, but the 2.0 bindings have no other way to read the table's endpoints.
        warnings.simplefilter("ignore", DeprecationWarning)
        nodes = session.dht_state().get(b"nodes", [])
    return {"%d.%d.%d.%d:%d" % (n[0], n[1], n[2], n[3], n[4] << 8 | n[5])
            for n in nodes if len(n) == 6}


class Node:
    """One libtorrent session listening on host (TCP, and UDP for the DHT, on the same port)."""

    def __init__(self, name, host, port, dht, alert_mask):
        self.name = name
        self.host = host
        self.session = lt.session(session_settings(host, port, dht, alert_mask))
        self.handle = None
        self.save_path = None
        self.checked_at = None  # when torrent_checked_alert came (status_notification)

    def wait_listening(self):
        wait_until(lambda: self.session.is_listening() and self.session.listen_port() != 0,
                   10, self.name + " to listen")
        self.port = self.session.listen_port()
        self.endpoint = "%s:%d" % (self.host, self.port)

    def add_torrent(self, ti, save_path, want_data=True, pex=True):
        atp = lt.add_torrent_params()
        atp.ti = ti
        atp.save_path = save_path
        if not want_data:
            atp.file_priorities = [0] * ti.num_files()
        if not pex:
            atp.flags |= lt.torrent_flags.disable_pex
        self.save_path = save_path
        self.handle = self.session.add_torrent(atp)

    def seeding(self):
        return self.handle is not None and self.handle.status().is_seeding

    def verified_seed(self):
        """Whether the data check found every piece; fails fast when it found them missing."""
        if self.seeding():
            return True
        if self.checked_at is not None and time.monotonic() - self.checked_at > 2:
            raise SetupError("%s: %s does not hold the torrent's data"
                             % (self.name, self.save_path))
        return False

    def routing_table(self):
        return routing_table(self.session)

    def info(self):
        return {"name": self.name, "host": self.host, "port": self.port,
                "seeding": self.seeding()}


class Swarm:
    """What both modes share: the sessions, the READY clock, alert draining, commands."""

    def __init__(self, args):
        self.args = args
        self.ti = info_only(args.torrent)
        self.info_hash = str(self.ti.info_hash())
        self.nodes = []
        self.ready_at = None

    def wait(self, predicate, seconds, what):
        """wait_until, draining the alerts meanwhile (a full alert queue drops new alerts)."""
        wait_until(predicate, seconds, what, between=self.poll)

    def since_ready(self):
        return round(time.monotonic() - self.ready_at, 3) if self.ready_at else 0.0

    def swarm_endpoints(self):
        return {n.endpoint for n in self.nodes}

    def ready(self, started, **fields):
        self.ready_at = time.monotonic()
        emit("READY", mode=self.args.mode, info_hash=self.info_hash,
             magnet="magnet:?xt=urn:btih:" + self.info_hash,
             setup_s=round(self.ready_at - started, 3), **fields)

    def poll(self):
        for node in self.nodes:
            for alert in node.session.pop_alerts():
                self.on_alert(node, alert)
        self.tick()

    def on_alert(self, node, alert):
        if isinstance(alert, lt.torrent_checked_alert):
            node.checked_at = time.monotonic()
        if alert.category() & _CAT.error_notification and not isinstance(alert, lt.peer_log_alert):
            emit("LT_ERROR", node=node.name, what=alert.what(), message=alert.message())

    def tick(self):
        pass

    def close(self):
        for node in self.nodes:
            node.session.pause()
        self.nodes = []


class DhtSwarm(Swarm):
    ALERTS = _CAT.error_notification | _CAT.status_notification | _CAT.dht_notification \
        | _CAT.dht_log_notification
    PKT = re.compile(r"^(<==|==>) \[([^\]]+)\]")

    def __init__(self, args):
        super().__init__(args)
        self.extra = [ep_str(ep) for ep in args.bootstrap]
        self.seen = set()  # (node, peer) pairs reported by NODE_SEEN
        self.queries = set()
        self.announces = set()
        self.last_table_check = 0.0
        self.last_readd = 0.0

    def start(self):
        started = time.monotonic()
        for i in range(self.args.nodes):
            self.nodes.append(Node("dht%d" % i, host_at(self.args.first_host, i),
                                   self.args.port + i if self.args.port else 0, True, self.ALERTS))
        for node in self.nodes:
            node.wait_listening()
            node.session.apply_settings({"dht_announce_interval": self.args.announce_interval})
        # add_dht_node, never dht_bootstrap_nodes: router nodes stay out of routing tables.
        for node in self.nodes:
            for other in self.nodes:
                if other is not node:
                    node.session.add_dht_node((other.host, other.port))
        full = len(self.nodes) - 1
        self.wait(lambda: all(len(self.swarm_endpoints() & n.routing_table()) >= full
                              for n in self.nodes), 15, "the DHT nodes to know each other")
        self.add_extra_nodes()
        seeder = self.nodes[0]
        seeder.add_torrent(self.ti, self.args.data)
        self.wait(seeder.verified_seed, SETUP_TIMEOUT_S, "the seeder to verify " + self.args.data)
        # libtorrent announces a new torrent by itself once its DHT has nodes; wait until another
        # node stored it, so a lookup right after READY finds the seeder.
        deadline = time.monotonic() + SETUP_TIMEOUT_S
        last_force = time.monotonic()
        while not any(ih == self.info_hash and peer == seeder.endpoint and name != seeder.name
                      for name, peer, ih in self.announces):
            if time.monotonic() > deadline:
                raise SetupError("no DHT node stored the seeder's announce")
            if time.monotonic() - last_force > ANNOUNCE_RETRY_S:
                seeder.handle.force_dht_announce()
                last_force = time.monotonic()
            self.poll()
            time.sleep(POLL_S)
        nodes = []
        for n in self.nodes:
            d = n.info()
            d["dht_port"] = n.port
            nodes.append(d)
        self.ready(started, nodes=nodes, seeder=seeder.endpoint)

    def add_extra_nodes(self):
        for text in self.extra:
            host, _, port = text.rpartition(":")
            for node in self.nodes:
                if (node.name, text) not in self.seen:
                    node.session.add_dht_node((host, int(port)))
        self.last_readd = time.monotonic()

    def on_alert(self, node, alert):
        super().on_alert(node, alert)
        if isinstance(alert, lt.dht_announce_alert):
            key = (node.name, "%s:%d" % (alert.ip, alert.port), str(alert.info_hash))
            if key not in self.announces:
                self.announces.add(key)
                emit("DHT_ANNOUNCE", node=key[0], peer=key[1], info_hash=key[2],
                     t=self.since_ready())
        elif isinstance(alert, lt.dht_pkt_alert):
            self.on_packet(node, alert)

    def on_packet(self, node, alert):
        m = self.PKT.match(alert.message())
        if not m or m.group(1) != "<==" or m.group(2) in self.swarm_endpoints():
            return
        msg = lt.bdecode(alert.pkt_buf)
        if not isinstance(msg, dict) or msg.get(b"y") != b"q":
            return
        q = msg.get(b"q", b"").decode("latin-1")
        a = msg.get(b"a") if isinstance(msg.get(b"a"), dict) else {}
        target = a.get(b"info_hash") or a.get(b"target") or b""
        key = (node.name, m.group(2), q, target.hex() if isinstance(target, bytes) else "")
        if key not in self.queries:
            self.queries.add(key)
            emit("DHT_QUERY", node=key[0], **{"from": key[1]}, q=key[2], target=key[3],
                 t=self.since_ready())

    def tick(self):
        now = time.monotonic()
        if now - self.last_table_check >= TABLE_CHECK_S:
            self.last_table_check = now
            ours = self.swarm_endpoints()
            for node in self.nodes:
                for peer in sorted(node.routing_table() - ours):
                    if (node.name, peer) not in self.seen:
                        self.seen.add((node.name, peer))
                        emit("NODE_SEEN", node=node.name, peer=peer, t=self.since_ready())
        # An extra node that was not up yet, or did not answer, gets asked again.
        if self.extra and now - self.last_readd >= READD_NODE_S:
            self.add_extra_nodes()

    def command(self, words):
        if words[0] == "add-node" and len(words) == 2:
            self.extra.append(ep_str(loopback_endpoint(words[1])))
            self.add_extra_nodes()
        elif words[0] == "announce" and len(words) == 1:
            self.nodes[0].handle.force_dht_announce()
        else:
            return False
        return True


class PexSwarm(Swarm):
    ALERTS = _CAT.error_notification | _CAT.status_notification
    HUB_ALERTS = ALERTS | _CAT.peer_log_notification
    LOG = re.compile(r"(==>|<==) (PEX_FULL|PEX_DIFF|EXTENDED_HANDSHAKE) \[ (.*) \]$", re.S)

    def __init__(self, args):
        super().__init__(args)
        self.empty_dir = None
        self.connected = {}  # outside peer endpoint -> outgoing?

    def start(self):
        started = time.monotonic()
        hub = Node("hub", host_at(self.args.first_host, 0), self.args.port, False, self.HUB_ALERTS)
        self.nodes.append(hub)
        for i in range(1, self.args.others + 1):
            self.nodes.append(Node("peer%d" % i, host_at(self.args.first_host, i),
                                   self.args.port + i if self.args.port else 0, False, self.ALERTS))
        for node in self.nodes:
            node.wait_listening()
        if self.args.hub == "empty":
            # Its own empty directory and no wanted file: it never holds a piece.
            self.empty_dir = tempfile.TemporaryDirectory(prefix="lt_swarm_hub_")
            hub.add_torrent(self.ti, self.empty_dir.name, want_data=False)
        else:
            hub.add_torrent(self.ti, self.args.data)
        # The others take no PEX, so they never learn of (and dial) the hub's outside peers:
        # every connection an outside peer has with them is one it made itself.
        for other in self.others():
            other.add_torrent(self.ti, self.args.data, pex=False)
        self.wait(lambda: all(o.verified_seed() for o in self.others())
                  and (self.args.hub == "empty" or hub.verified_seed()),
                  SETUP_TIMEOUT_S, "the seeders to verify " + self.args.data)
        checking = (lt.torrent_status.checking_files, lt.torrent_status.checking_resume_data)
        self.wait(lambda: hub.handle.status().state not in checking, SETUP_TIMEOUT_S,
                  "the hub to check its files")
        # The hub connects out: PEX names outgoing peers at the port it connected to.
        for other in self.others():
            hub.handle.connect_peer((other.host, other.port))
        self.wait(lambda: self.hub_peers() >= self.swarm_endpoints() - {hub.endpoint},
                  15, "the hub to connect to its peers")
        for ep in self.args.peer:
            hub.handle.connect_peer(ep)
        self.ready(started, hub=hub.info(),
                   others=[{"name": o.name, "host": o.host, "port": o.port}
                           for o in self.others()])

    def others(self):
        return self.nodes[1:]

    def hub_peers(self, outside=False):
        """Endpoints of the hub's peers past the handshake."""
        out = set()
        for p in self.nodes[0].handle.get_peer_info():
            if p.flags & (lt.peer_info.connecting | lt.peer_info.handshake):
                continue
            ep = ep_str(p.ip)
            if outside:
                out.add((ep, bool(p.flags & lt.peer_info.outgoing_connection)))
            else:
                out.add(ep)
        return out

    def on_alert(self, node, alert):
        super().on_alert(node, alert)
        if node is not self.nodes[0] or not isinstance(alert, lt.peer_log_alert):
            return
        peer = ep_str(alert.endpoint)
        if peer in self.swarm_endpoints():
            return
        m = self.LOG.search(alert.message())
        if not m:
            return
        direction, event, body = m.groups()
        if event == "EXTENDED_HANDSHAKE" and direction == "<==":
            emit("EXT_HANDSHAKE", peer=peer, ut_pex="'ut_pex'" in body, t=self.since_ready())
        elif event in ("PEX_FULL", "PEX_DIFF") and direction == "==>":
            counts = dict(re.findall(r"(\w+): (\d+)", body))
            emit("PEX_SENT", to=peer, kind="full" if event == "PEX_FULL" else "diff",
                 added=int(counts.get("added", 0)), dropped=int(counts.get("dropped", 0)),
                 t=self.since_ready())

    def tick(self):
        if self.nodes[0].handle is None:
            return
        ours = self.swarm_endpoints()
        now = {ep: out for ep, out in self.hub_peers(outside=True) if ep not in ours}
        for ep in sorted(now.keys() - self.connected.keys()):
            emit("PEER_CONNECTED", peer=ep, outgoing=now[ep], t=self.since_ready())
        for ep in sorted(self.connected.keys() - now.keys()):
            emit("PEER_DISCONNECTED", peer=ep, t=self.since_ready())
        self.connected = now

    def command(self, words):
        if words[0] == "connect" and len(words) == 2:
            self.nodes[0].handle.connect_peer(loopback_endpoint(words[1]))
            return True
        return False

    def close(self):
        super().close()
        if self.empty_dir is not None:
            self.empty_dir.cleanup()


class StdinLines:
    """Non-blocking line reader: poll() returns the complete lines so far, None at EOF."""

    def __init__(self):
        self.fd = sys.stdin.fileno()
        self.buffer = b""

    def poll(self, wait_s):
        readable, _, _ = select.select([self.fd], [], [], wait_s)
        if not readable:
            return []
        data = os.read(self.fd, 4096)
        if not data:
            return None
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b"\n")
        return [line.decode("utf-8", "replace").strip() for line in lines]


def serve(swarm, timeout_s):
    stdin = StdinLines()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        swarm.poll()
        lines = stdin.poll(POLL_S)
        if lines is None:
            return "stdin closed"
        for line in lines:
            words = line.split()
            if not words:
                continue
            if words[0] == "quit":
                return "quit"
            try:
                handled = swarm.command(words)
            except (argparse.ArgumentTypeError, RuntimeError) as e:
                emit("ERROR", message=str(e))
                continue
            if handled:
                emit("OK", cmd=line)
            else:
                emit("ERROR", message="unknown command: " + line)
    return "timeout"


def main():
    parser = argparse.ArgumentParser(description="libtorrent DHT / PEX swarm on loopback")
    parser.add_argument("mode", choices=["dht", "pex"])
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--data", required=True, help="directory holding the torrent's payload")
    parser.add_argument("--first-host", default="127.0.0.2")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--nodes", type=int, default=4, help="dht: number of DHT nodes (>= 2)")
    parser.add_argument("--bootstrap", type=loopback_endpoint, action="append", default=[],
                        help="dht: a node outside the swarm to add to every routing table")
    parser.add_argument("--announce-interval", type=int, default=60,
                        help="dht: seconds between the seeder's DHT announces")
    parser.add_argument("--others", type=int, default=3, help="pex: peers the hub connects to")
    parser.add_argument("--hub", choices=["seed", "empty"], default="seed")
    parser.add_argument("--peer", type=loopback_endpoint, action="append", default=[],
                        help="pex: an outside peer the hub connects to")
    parser.add_argument("--lt-set", type=parse_override, action="append", default=[],
                        metavar="SETTING=VALUE", help="override a libtorrent setting (experiments)")
    args = parser.parse_args()
    OVERRIDES.update(args.lt_set)
    if args.timeout <= 0 or args.nodes < 2 or args.others < 1:
        parser.error("--timeout must be > 0, --nodes >= 2, --others >= 1")
    swarm = DhtSwarm(args) if args.mode == "dht" else PexSwarm(args)
    try:
        swarm.start()
        reason = serve(swarm, args.timeout)
    except (SetupError, RuntimeError) as e:  # RuntimeError: libtorrent's (bad torrent, I/O)
        emit("ERROR", message=str(e))
        swarm.close()
        return 1
    swarm.close()
    emit("BYE", reason=reason)
    return 0


if __name__ == "__main__":
    sys.exit(main())
