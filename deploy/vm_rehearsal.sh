#!/bin/sh
# Optional: follow the README's "Deploying" on a clean Debian 13 (trixie) server in a KVM virtual
# machine, under real systemd, then check what `make production-check` cannot (it runs the
# processes itself, without systemd): gunicorn's Type=notify start, ocop-job@'s %i expansion,
# every timer's next run, JSON logs in the journal, a reboot, a backup timer and a restore, and
# the upgrade steps. Not part of `make test` or .ci/run: it needs root, /dev/kvm, debootstrap,
# qemu-system-x86 and qemu-utils, and network to deb.debian.org and PyPI. Timings are in the report of the run.
#
#   sudo deploy/vm_rehearsal.sh              # build the image if missing, boot, rehearse, stop
#   sudo deploy/vm_rehearsal.sh image        # build the image only
#   sudo deploy/vm_rehearsal.sh units        # only the unit files under systemd, with stand-ins
#   sudo deploy/vm_rehearsal.sh fresh        # by hand: a fresh server from the image, booted
#   sudo deploy/vm_rehearsal.sh ssh [CMD]    # a shell (or CMD) in it as root
#   sudo deploy/vm_rehearsal.sh boot|stop    # boot it again after a poweroff; stop it
#
# VM_DIR (default /var/tmp/ocop-vm) holds the image, the kernel, the ssh key and a bare copy of
# this repository, which the guest clones from the host (10.0.2.2) with `git daemon`, as a server
# would clone the project's repository. The guest is a fresh copy of the built image each run.
# The server is called ocop.test and has a self-signed certificate (no Let's Encrypt here).
set -eu

HERE=$(cd "$(dirname "$0")/.." && pwd)
VM_DIR=${VM_DIR:-/var/tmp/ocop-vm}
SUITE=${SUITE:-trixie}
SSH_PORT=${SSH_PORT:-2222}
HTTPS_PORT=${HTTPS_PORT:-8443}
GIT_PORT=${GIT_PORT:-9418}
BRANCH=$(git -C "$HERE" rev-parse --abbrev-ref HEAD)

log() { printf '\n=== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "FAILED: $*" >&2; exit 1; }

image() {
    [ -f "$VM_DIR/base.img" ] && return 0
    mkdir -p "$VM_DIR"
    [ -f "$VM_DIR/vm_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$VM_DIR/vm_key"
    root="$VM_DIR/rootfs"
    log "debootstrap $SUITE (a clean server: no project package preinstalled)"
    rm -rf "$root"
    debootstrap --include=linux-image-amd64,systemd-sysv,openssh-server,sudo,ca-certificates,dbus,iproute2 \
        "$SUITE" "$root" http://deb.debian.org/debian >"$VM_DIR/debootstrap.log"
    echo ocop-test >"$root/etc/hostname"
    printf '127.0.0.1 localhost\n127.0.1.1 ocop.test ocop-test\n' >"$root/etc/hosts"
    printf '/dev/vda / ext4 defaults 0 1\n' >"$root/etc/fstab"
    printf '[Match]\nName=en*\n\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/20-wired.network"
    # QEMU's user network: DHCP from 10.0.2.2, DNS on 10.0.2.3.
    printf 'nameserver 10.0.2.3\n' >"$root/etc/resolv.conf"
    chroot "$root" systemctl enable systemd-networkd serial-getty@ttyS0 >/dev/null 2>&1
    install -d -m 700 "$root/root/.ssh"
    install -m 600 "$VM_DIR/vm_key.pub" "$root/root/.ssh/authorized_keys"
    echo root:root | chroot "$root" chpasswd
    # This machine reaches PyPI through a TLS-inspecting gateway: the guest needs its CA too.
    # (Not a step of the README: a real server has no such gateway.)
    if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
        chroot "$root" update-ca-certificates >/dev/null 2>&1
        [ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
    fi
    cp "$root"/boot/vmlinuz-* "$VM_DIR/vmlinuz"
    cp "$root"/boot/initrd.img-* "$VM_DIR/initrd.img"
    rm -f "$VM_DIR/base.img"
    mkfs.ext4 -q -L root -d "$root" "$VM_DIR/base.img.tmp" 12G
    mv "$VM_DIR/base.img.tmp" "$VM_DIR/base.img"
    rm -rf "$root"
}

boot() {
    [ -f "$VM_DIR/qemu.pid" ] && kill -0 "$(cat "$VM_DIR/qemu.pid")" 2>/dev/null && die "the VM already runs"
    # ACCEL=kvm is much faster where KVM works; under nested KVM on some hosts the guest never
    # boots (an AMD EPYC host here: no kernel output at all, or a KVM internal error with
    # -cpu host), so the default is QEMU's own emulation, which always works.
    case "${ACCEL:-tcg}" in
        kvm) accel="-enable-kvm" ;;
        *) accel="-accel tcg,thread=multi -cpu max" ;;
    esac
    # shellcheck disable=SC2086
    qemu-system-x86_64 $accel -m 4096 -smp 2 -display none \
        -kernel "$VM_DIR/vmlinuz" -initrd "$VM_DIR/initrd.img" \
        -append "root=/dev/vda rw console=ttyS0 net.ifnames=1" \
        -drive "file=$VM_DIR/disk.img,format=raw,if=virtio" \
        -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$SSH_PORT-:22,hostfwd=tcp:127.0.0.1:$HTTPS_PORT-:443" \
        -device virtio-net-pci,netdev=n0 \
        -serial "file:$VM_DIR/serial.log" -daemonize -pidfile "$VM_DIR/qemu.pid"
    wait_ssh
}

vm() {
    ssh -q -i "$VM_DIR/vm_key" -p "$SSH_PORT" -o StrictHostKeyChecking=no \
        -o UserKnownHostsFile=/dev/null -o ConnectTimeout=5 -o ServerAliveInterval=15 root@127.0.0.1 "$@"
}

wait_ssh() {
    i=0
    until vm true 2>/dev/null; do
        i=$((i + 1))
        [ $i -gt 180 ] && die "no ssh after 15 minutes (see $VM_DIR/serial.log)"
        sleep 5
    done
}

stop() {
    if [ -f "$VM_DIR/qemu.pid" ]; then
        vm poweroff 2>/dev/null || true
        pid=$(cat "$VM_DIR/qemu.pid")
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i + 1)); done
        kill "$pid" 2>/dev/null || true
        rm -f "$VM_DIR/qemu.pid"
    fi
    if [ -f "$VM_DIR/git-daemon.pid" ]; then
        kill "$(cat "$VM_DIR/git-daemon.pid")" 2>/dev/null || true
        rm -f "$VM_DIR/git-daemon.pid"
    fi
}

serve_git() {
    # The "repository" of the README: a bare copy of this checkout's branch, served read-only.
    rm -rf "$VM_DIR/ocop.git"
    git clone -q --bare "$HERE" "$VM_DIR/ocop.git"
    git -C "$VM_DIR/ocop.git" symbolic-ref HEAD "refs/heads/$BRANCH"
    git daemon --reuseaddr --port="$GIT_PORT" --base-path="$VM_DIR" --export-all \
        --listen=127.0.0.1 --detach --pid-file="$VM_DIR/git-daemon.pid" "$VM_DIR"
}

rehearse() {
    started=$(date +%s)
    image
    log "a fresh server from the image"
    stop
    cp --sparse=always "$VM_DIR/base.img" "$VM_DIR/disk.img"
    serve_git
    boot
    log "the README's Deploying, steps 1 to 6, then the systemd checks (deploy/vm_guest.sh)"
    vm "cat > /root/vm_guest.sh" <"$HERE/deploy/vm_guest.sh"
    vm "GIT_URL=git://10.0.2.2:$GIT_PORT/ocop.git sh /root/vm_guest.sh deploy"
    log "reboot: everything comes back"
    vm "systemctl reboot" || true
    sleep 10
    wait_ssh
    vm "sh /root/vm_guest.sh after_reboot"
    log "backup by its timer's service, then restore per the README"
    vm "sh /root/vm_guest.sh backup_restore"
    log "upgrade steps with a new commit"
    tmp=$(mktemp -d)
    git clone -q "$VM_DIR/ocop.git" "$tmp/c"
    git -C "$tmp/c" -c user.name=rehearsal -c user.email=rehearsal@ocop.test \
        commit -q --allow-empty -m "Rehearsal: a new release"
    git -C "$tmp/c" push -q origin "HEAD:$BRANCH"
    new=$(git -C "$tmp/c" rev-parse HEAD)
    rm -rf "$tmp"
    vm "EXPECTED=$new sh /root/vm_guest.sh upgrade"
    log "from the host, through the forwarded port"
    curl -sSfk --resolve "ocop.test:$HTTPS_PORT:127.0.0.1" "https://ocop.test:$HTTPS_PORT/healthz"
    echo
    stop
    log "rehearsal passed in $(($(date +%s) - started)) s"
}

# The unit files alone under systemd, with stand-ins for the site (deploy/vm_guest.sh units):
# quicker than the whole rehearsal, as nothing of the project is installed.
units() {
    trap stop EXIT INT TERM
    image
    stop
    cp --sparse=always "$VM_DIR/base.img" "$VM_DIR/disk.img"
    boot
    vm "cat > /root/vm_guest.sh" <"$HERE/deploy/vm_guest.sh"
    git -C "$HERE" archive HEAD deploy constraints.txt | vm "mkdir -p /root/src && tar -C /root/src -xf -"
    vm "apt-get install -y -q python3-venv >/dev/null && sh /root/vm_guest.sh units /root/src"
}

case "${1:-rehearse}" in
    units) units ;;
    image) image ;;
    fresh) stop; cp --sparse=always "$VM_DIR/base.img" "$VM_DIR/disk.img"; serve_git; boot ;;
    boot) boot ;;
    ssh) shift; vm "$@" ;;
    stop) stop ;;
    rehearse) trap stop EXIT INT TERM; rehearse ;;
    *) die "usage: $0 [rehearse|units|image|fresh|boot|ssh|stop]" ;;
esac
