#!/usr/bin/python3
"""Download benchmark: Swarmscope against libtorrent's own client, same seeder, same run.

A libtorrent seeder on 127.0.0.2 serves (1) a 1 GiB single-file torrent and (2) a 1000-file
torrent; each is downloaded on loopback by `swarmscope-cli download` and by a libtorrent leecher
(tests/bench/lt_bench_peer.py), alternately, several rounds. For each run it measures wall time,
CPU seconds (user + sys) and peak RSS from the process's rusage, and prints the best round of
each client and the ratios. Not a pass/fail test: figures for the README.

Usage: tests/bench/bench_download.py [--cli build/app/swarmscope-cli] [--rounds 3] [--work DIR]
       [--only single|multi]
"""
import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LT_PEER = os.path.join(HERE, 'lt_bench_peer.py')
SEEDER_ADDR = '127.0.0.2'
SEEDER_PORT = 46001


def make_data(work):
    single = os.path.join(work, 'data', 'single')
    multi = os.path.join(work, 'data', 'multi')
    big = os.path.join(single, 'big.bin')
    if not os.path.exists(big) or os.path.getsize(big) != 1 << 30:
        os.makedirs(single, exist_ok=True)
        with open(big, 'wb') as f:
            for _ in range(1024):
                f.write(os.urandom(1 << 20))
    folder = os.path.join(multi, 'many')
    if not os.path.isdir(folder) or len(sum((fs for _, _, fs in os.walk(folder)), [])) != 1000:
        shutil.rmtree(folder, ignore_errors=True)
        rng = random.Random(42)
        for i in range(1000):
            sub = os.path.join(folder, 'dir%02d' % (i // 50))
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, 'file%04d.bin' % i), 'wb') as f:
                f.write(os.urandom(rng.randint(16 << 10, 512 << 10)))
    return {'single': (big, single, 20), 'multi': (folder, multi, 18)}


def make_torrent(work, name, path, piece_log2):
    out = os.path.join(work, name + '.torrent')
    if not os.path.exists(out):
        subprocess.run(['mktorrent', '-l', str(piece_log2), '-a', 'http://127.0.0.1:9/announce',
                        '-o', out, path], check=True, stdout=subprocess.DEVNULL)
    return out


def run_measured(cmd, timeout=600):
    """Runs cmd, returns (seconds, cpu_seconds, peak_rss_mib, exit_code)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    elapsed = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(proc.stderr.read().decode(errors='replace')[-2000:])
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, code


def files_equal(a, b):
    if os.path.isfile(a):
        return os.path.getsize(a) == os.path.getsize(b) and digest(a) == digest(b)
    for dirpath, _, files in os.walk(a):
        for f in files:
            p = os.path.join(dirpath, f)
            q = os.path.join(b, os.path.relpath(p, a))
            if not os.path.exists(q) or os.path.getsize(p) != os.path.getsize(q) or digest(p) != digest(q):
                return False
    return True


def digest(path):
    h = hashlib.sha1()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cli', default=os.path.join(ROOT, 'build', 'app', 'swarmscope-cli'))
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--work', default=os.path.join(tempfile.gettempdir(), 'swarmscope-bench'))
    ap.add_argument('--only', choices=['single', 'multi'])
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    data = make_data(args.work)
    results = {}
    for case, (path, save, piece_log2) in data.items():
        if args.only and case != args.only:
            continue
        torrent = make_torrent(args.work, case, path, piece_log2)
        seeder = subprocess.Popen(['/usr/bin/python3', LT_PEER, 'seed', torrent, save,
                                   '%s:%d' % (SEEDER_ADDR, SEEDER_PORT)], stdout=subprocess.PIPE)
        try:
            seeder.stdout.readline()  # "ready"
            time.sleep(0.5)
            for rnd in range(args.rounds):
                for client in ('swarmscope', 'libtorrent'):
                    dl = os.path.join(args.work, 'dl-' + client)
                    shutil.rmtree(dl, ignore_errors=True)
                    os.makedirs(dl)
                    subprocess.run(['sync'])
                    if client == 'swarmscope':
                        cmd = [args.cli, 'download', torrent, '--no-dht', '--save', dl, '--state-dir', dl + '.state',
                               '--port', '0', '--bind', '127.0.0.1', '--no-trackers', '--quiet',
                               '--peer', '%s:%d' % (SEEDER_ADDR, SEEDER_PORT)]
                        shutil.rmtree(dl + '.state', ignore_errors=True)
                    else:
                        cmd = ['/usr/bin/python3', LT_PEER, 'download', torrent, dl, '127.0.0.1:0',
                               '%s:%d' % (SEEDER_ADDR, SEEDER_PORT)]
                    secs, cpu, rss, code = run_measured(cmd)
                    name = os.path.basename(path)
                    ok = code == 0 and files_equal(path, os.path.join(dl, name))
                    print('%-6s round %d %-10s %6.2f s  %6.1f MB/s  cpu %5.2f s  rss %6.1f MiB  %s' % (
                        case, rnd + 1, client, secs, size_of(path) / secs / 1e6, cpu, rss,
                        'ok' if ok else 'FAILED (exit %d)' % code), flush=True)
                    if ok:
                        best = results.setdefault((case, client), (secs, cpu, rss))
                        if secs < best[0]:
                            results[(case, client)] = (secs, cpu, rss)
        finally:
            seeder.kill()
            seeder.wait()
    print()
    print('best of %d rounds (MB = 10^6 bytes):' % args.rounds)
    for case in ('single', 'multi'):
        ours, theirs = results.get((case, 'swarmscope')), results.get((case, 'libtorrent'))
        if not ours or not theirs:
            continue
        size = size_of(data[case][0]) / 1e6
        print('%-6s swarmscope %6.1f MB/s cpu %5.2f s rss %6.1f MiB | libtorrent %6.1f MB/s cpu %5.2f s rss %6.1f MiB'
              ' | speed x%.2f cpu x%.2f' % (case, size / ours[0], ours[1], ours[2], size / theirs[0], theirs[1],
                                             theirs[2], theirs[0] / ours[0], ours[1] / theirs[1]))
    return 0


def size_of(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


if __name__ == '__main__':
    sys.exit(main())
