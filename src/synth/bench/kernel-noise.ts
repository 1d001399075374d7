/**
 * The everyday kernel chatter a busy host's log is mostly made of (firewall drops, AppArmor denials,
 * bridge port changes, martians, rate-limit notes), so the log parser meets realistic noise
 * between the incidents. Shapes follow what 6.x kernels print; none of them is a memory event.
 */
import { dmesgLine } from '../kernel-log-text.js';
import { pick, randomInt, type Random } from './prng.js';

const ip = (rand: Random) => `${pick(rand, [45, 89, 103, 185, 203])}.${randomInt(rand, 0, 255)}.${randomInt(rand, 0, 255)}.${randomInt(rand, 1, 254)}`;
const veth = (rand: Random) => `veth${randomInt(rand, 0x100000, 0xffffff).toString(16)}`;

type Template = (rand: Random, wallTime: number) => string[];

const TEMPLATES: [weight: number, Template][] = [
  [40, (r) => [
    `[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:fa:16:3e:aa:bb:cc:08:00 SRC=${ip(r)} DST=10.0.0.5 LEN=${pick(r, [40, 44, 60])} TOS=0x00 PREC=0x00 TTL=${randomInt(r, 40, 250)} ID=${randomInt(r, 1, 65535)} PROTO=TCP SPT=${randomInt(r, 1024, 65535)} DPT=${pick(r, [22, 23, 445, 3389, 5900, 8080])} WINDOW=${pick(r, [1024, 29200, 65535])} RES=0x00 SYN URGP=0`,
  ]],
  [15, (r, wall) => [
    `audit: type=1400 audit(${wall.toFixed(3)}:${randomInt(r, 100, 99_999)}): apparmor="DENIED" operation="open" class="file" profile="/usr/sbin/named" name="/proc/${randomInt(r, 1, 4000)}/stat" pid=${randomInt(r, 700, 900)} comm="named" requested_mask="r" denied_mask="r" fsuid=110 ouid=0`,
  ]],
  [12, (r) => {
    const port = randomInt(r, 1, 9);
    const dev = veth(r);
    return [`docker0: port ${port}(${dev}) entered blocking state`, `docker0: port ${port}(${dev}) entered disabled state`, `docker0: port ${port}(${dev}) entered forwarding state`];
  }],
  [10, (r) => [
    `IPv4: martian source 10.0.0.255 from 10.0.0.${randomInt(r, 2, 254)}, on dev eth0`,
    'll header: 00000000: ff ff ff ff ff ff 52 54 00 12 34 56 08 00',
  ]],
  [5, () => ['TCP: request_sock_TCP: Possible SYN flooding on port 0.0.0.0:443. Sending cookies.']],
  [5, () => ['nf_conntrack: nf_conntrack: table full, dropping packet']],
  [4, (r) => [`net_ratelimit: ${randomInt(r, 2, 90)} callbacks suppressed`]],
  [4, (r) => [`kauditd_printk_skb: ${randomInt(r, 2, 40)} callbacks suppressed`]],
  [2, (r) => [`perf: interrupt took too long (${randomInt(r, 2501, 4000)} > 2500), lowering kernel.perf_event_max_sample_rate to ${randomInt(r, 40, 79) * 1000}`]],
  [2, (r) => [`EXT4-fs (nvme0n1p2): ${randomInt(r, 1, 12)} orphan inodes deleted`]],
  [1, (r) => [`hrtimer: interrupt took ${randomInt(r, 100_000, 900_000)} ns`]],
];
const TOTAL_WEIGHT = TEMPLATES.reduce((sum, [w]) => sum + w, 0);

/** One noise message (1–3 dmesg lines) at `uptime`, its audit stamps in wall time `bootTime + uptime`. */
export function noiseLines(rand: Random, uptime: number, bootTime: number): string[] {
  let roll = rand() * TOTAL_WEIGHT;
  const [, template] = TEMPLATES.find(([w]) => (roll -= w) < 0) ?? TEMPLATES[0]!;
  return template(rand, bootTime + uptime).map((text, i) => dmesgLine(uptime + i * 0.000007, text));
}

/** Mean dmesg lines per noise message: turns a lines-per-day target into a message rate. */
export const NOISE_LINES_PER_MESSAGE = TEMPLATES.reduce((sum, [w, template]) => sum + w * template(() => 0.5, 0).length, 0) / TOTAL_WEIGHT;
