#!/usr/bin/python3
"""libtorrent peer for the download benchmark (Debian's python3-libtorrent; loopback only).

  lt_bench_peer.py seed <torrent> <save_path> <interface:port>
      seeds (seed mode: the data is trusted, not re-hashed) until killed; prints "ready".
  lt_bench_peer.py download <torrent> <save_path> <interface:port> <peer_host:peer_port>
      downloads from that peer and exits 0 once every piece is verified.
"""
import sys
import time

import libtorrent as lt


def session(interface):
    return lt.session({
        'listen_interfaces': interface,
        'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,
        'enable_outgoing_utp': False, 'enable_incoming_utp': False,
        'alert_mask': 0,
    })


def main():
    mode, torrent, save_path, interface = sys.argv[1:5]
    ses = session(interface)
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
    params.save_path = save_path
    if mode == 'seed':
        params.flags |= lt.torrent_flags.seed_mode
    params.flags &= ~lt.torrent_flags.auto_managed
    params.flags &= ~lt.torrent_flags.paused
    handle = ses.add_torrent(params)
    if mode == 'seed':
        print('ready', flush=True)
        deadline = time.time() + 900  # bounded: the benchmark kills it long before
        while time.time() < deadline:
            time.sleep(0.5)
        return 0
    host, port = sys.argv[5].rsplit(':', 1)
    handle.connect_peer((host, int(port)))
    deadline = time.time() + 600
    while time.time() < deadline:
        st = handle.status()
        if st.is_seeding:
            return 0
        time.sleep(0.02)
    print('timed out', file=sys.stderr)
    return 1


if __name__ == '__main__':
    sys.exit(main())
