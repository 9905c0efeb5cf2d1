#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for testing `dotnet mrfi submit --slurm` (CI and developers alike).
#
#   scripts/slurm-local.sh install   apt-get install slurm-wlm and munge (Debian 12: Slurm 22.05) when missing
#   scripts/slurm-local.sh start     write the configuration, start munged, slurmctld -D and slurmd -D in the background,
#                                    wait until sinfo shows the node idle; prints the SLURM_CONF line to export
#   scripts/slurm-local.sh stop      stop the three daemons by the PIDs that start recorded
#   scripts/slurm-local.sh status    sinfo and squeue of the local cluster
#
# Everything lives in one state folder, MRFI_SLURM_DIR (default /tmp/mrfi-slurm): slurm.conf, cgroup.conf, the munge key
# and socket, spool and state folders, logs and PID files. Clients find the cluster through SLURM_CONF=$MRFI_SLURM_DIR/slurm.conf.
# It runs as root (the daemons and jobs run as the user who starts them; SlurmUser is that user).
#
# What makes slurmd start without systemd (measured on Debian 12, Slurm 22.05.8, a hybrid cgroup v1/v2 host):
# ProctrackType=linuxproc and TaskPlugin=task/none keep cgroups out of job control, but slurmd still loads a cgroup plugin at
# start-up. "CgroupPlugin=disabled" is newer than 22.05 ("cannot create cgroup context for disabled"); cgroup/v2 refuses a
# hybrid host ("Hybrid mode is not supported"); cgroup/v1 with CgroupAutomount=no and every constraint off starts (as does
# no cgroup.conf at all, which picks v1 there). `start` writes the v1 file and falls back to cgroup/v2 with IgnoreSystemd=yes
# (for hosts with only the unified hierarchy), and says which one worked.
set -euo pipefail

dir=${MRFI_SLURM_DIR:-/tmp/mrfi-slurm}
conf=$dir/slurm.conf
node=$(hostname -s)
user=$(id -un)
cpus=${MRFI_SLURM_CPUS:-2}
mem=$(( $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 1024 * 3 / 4 ))   # MB a job may ask for (--mem)

log() { echo "slurm-local: $*" >&2; }

install_packages() {
  if command -v slurmctld > /dev/null && command -v slurmd > /dev/null && command -v munged > /dev/null && command -v sbatch > /dev/null; then
    log "slurm-wlm and munge are installed ($(sinfo --version 2>/dev/null || echo '?'))"; return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends slurm-wlm munge > "${TMPDIR:-/tmp}/mrfi-slurm-apt.log" 2>&1 \
    || { apt-get update -q > /dev/null 2>&1 && apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends slurm-wlm munge >> "${TMPDIR:-/tmp}/mrfi-slurm-apt.log" 2>&1; } \
    || { tail -n 20 "${TMPDIR:-/tmp}/mrfi-slurm-apt.log" >&2; log "apt-get install slurm-wlm munge failed"; return 1; }
  log "installed $(sinfo --version)"
}

write_config() {   # $1: cgroup plugin (cgroup/v1 or cgroup/v2)
  cat > "$conf" <<EOF
# One-node Slurm for mrfi's tests, written by scripts/slurm-local.sh
ClusterName=mrfi-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$user
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=${MRFI_SLURM_PORT:-6817}
SlurmdPort=$(( ${MRFI_SLURM_PORT:-6817} + 1 ))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MinJobAge=3600
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  if [ "$1" = cgroup/v1 ]; then
    cat > "$dir/cgroup.conf" <<EOF
CgroupPlugin=cgroup/v1
CgroupAutomount=no
ConstrainCores=no
ConstrainRAMSpace=no
ConstrainSwapSpace=no
ConstrainDevices=no
EOF
  else
    cat > "$dir/cgroup.conf" <<EOF
CgroupPlugin=cgroup/v2
IgnoreSystemd=yes
ConstrainCores=no
ConstrainRAMSpace=no
ConstrainSwapSpace=no
ConstrainDevices=no
EOF
  fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_munge() {
  [ -f "$dir/munge/munge.key" ] || { dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 status=none; chmod 400 "$dir/munge/munge.key"; }
  alive "$dir/munged.pid" && return 0
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed"
  for _ in $(seq 50); do [ -S "$dir/munge/munge.socket" ] && return 0; sleep 0.1; done
  log "munged did not start:"; tail -n 20 "$dir/log/munged.log" >&2; return 1
}

# Starts a daemon in the foreground mode Slurm documents for debugging (-D), in the background, and records its PID.
start_daemon() {   # $1 name, rest: command
  local name=$1; shift
  alive "$dir/$name.pid" && return 0
  SLURM_CONF=$conf setsid "$@" > "$dir/log/$name.out" 2>&1 < /dev/null &
  echo $! > "$dir/$name.pid"
}

wait_idle() {   # seconds
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    alive "$dir/slurmd.pid" || return 1
    state=$(SLURM_CONF=$conf sinfo -h -n "$node" -o '%t' 2>/dev/null || true)
    case "$state" in idle*) return 0 ;; esac
    sleep 0.5
  done
  return 1
}

start() {
  command -v slurmctld > /dev/null || { log "slurmctld is not installed: run '$0 install' first (apt-get install slurm-wlm munge)"; exit 1; }
  mkdir -p "$dir"/{state,spool,munge,log}
  chmod 700 "$dir/munge"
  start_munge
  local plugin
  for plugin in cgroup/v1 cgroup/v2; do
    stop_daemons quiet
    write_config "$plugin"
    start_daemon slurmctld slurmctld -D -i -f "$conf"
    for _ in $(seq 100); do SLURM_CONF=$conf scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.2; done
    start_daemon slurmd slurmd -D -f "$conf" -N "$node"
    if wait_idle 30; then
      echo "$plugin" > "$dir/cgroup-plugin"
      log "cluster up: node $node idle, $cpus CPUs, cgroup.conf CgroupPlugin=$plugin; state in $dir"
      echo "export SLURM_CONF=$conf"
      return 0
    fi
    log "slurmd did not come up with CgroupPlugin=$plugin:"; tail -n 5 "$dir/log/slurmd.out" "$dir/log/slurmd.log" 2>/dev/null | sed 's/^/  /' >&2
  done
  log "the Slurm node never became idle; logs in $dir/log"
  stop_daemons quiet
  exit 1
}

stop_daemons() {
  local name pid
  for name in slurmd slurmctld; do
    if alive "$dir/$name.pid"; then
      pid=$(cat "$dir/$name.pid"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      [ "${1:-}" = quiet ] || log "stopped $name ($pid)"
    fi
    rm -f "$dir/$name.pid"
  done
}

stop() {
  stop_daemons
  if alive "$dir/munged.pid"; then kill "$(cat "$dir/munged.pid")"; log "stopped munged"; fi
  rm -f "$dir/munged.pid"
}

case "${1:-}" in
  install) install_packages ;;
  start) start ;;
  stop) stop ;;
  status) SLURM_CONF=$conf sinfo; SLURM_CONF=$conf squeue ;;
  *) echo "usage: $0 install|start|stop|status   (state in \$MRFI_SLURM_DIR, default /tmp/mrfi-slurm)" >&2; exit 2 ;;
esac
