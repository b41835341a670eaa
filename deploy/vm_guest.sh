#!/bin/sh
# The guest half of deploy/vm_rehearsal.sh, run as root on a clean Debian server: the README's
# "Deploying" steps as a newcomer types them (server name ocop.test, a self-signed certificate
# instead of certbot), then checks under systemd. Each phase is one argument:
#   deploy | after_reboot | backup_restore | upgrade
# and, alone on a fresh server (no project installed), units: the repository's unit files under
# systemd with stand-ins for the site (paths under /opt/units), to check what systemd itself does.
set -eu
export DEBIAN_FRONTEND=noninteractive
NAME=ocop.test
JOBS="expire_certificates check_search_index expire_unpaid_orders publish_scheduled prune_db_task_results backup fair_stock_return"

log() { printf '\n--- %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "FAILED: $*" >&2; exit 1; }

# The README's "To run manage.py by hand".
manage() {
    (cd /srv/ocop/app && set -a && . /etc/ocop/ocop.env && set +a &&
        sudo -E -u ocop .venv/bin/python manage.py "$@")
}

https() { curl -sS --cacert /etc/ssl/ocop/$NAME.crt --resolve "$NAME:443:127.0.0.1" "$@"; }

check_services() {
    log "ocop-web (Type=notify) and ocop-worker under systemd"
    for unit in ocop-web ocop-worker redis-server nginx; do
        state=$(systemctl is-active "$unit" || true)
        [ "$state" = active ] || { journalctl -u "$unit" -n 50 --no-pager; die "$unit is $state"; }
    done
    systemctl show ocop-web -p Type -p NotifyAccess -p StatusText -p MainPID
    # gunicorn's arbiter tells systemd it is ready (sd_notify READY=1 with this status text):
    systemctl show ocop-web -p StatusText | grep -q 'Gunicorn arbiter booted' ||
        die "ocop-web did not report READY through sd_notify"
    log "HTTPS through nginx"
    https -f "https://$NAME/readyz"
    echo
    https -fo /dev/null -w 'home %{http_code} %{size_download} bytes\n' "https://$NAME/"
    code=$(curl -s -o /dev/null -w '%{http_code}' --resolve "$NAME:80:127.0.0.1" "http://$NAME/")
    [ "$code" = 301 ] || die "http answered $code, not 301"
    log "the JSON request log in the journal"
    sleep 1
    journalctl -u ocop-web -n 200 --no-pager -o cat | grep '"request_id"' | tail -n 2
    journalctl -u ocop-web -n 200 --no-pager -o cat | grep -q '"path": *"/readyz"' ||
        die "no JSON log line of /readyz in journalctl -u ocop-web"
    log "timers"
    systemctl list-timers 'ocop-*' --all --no-pager
    for job in $JOBS; do
        systemctl is-enabled "ocop-job@$job.timer" >/dev/null || die "ocop-job@$job.timer not enabled"
        next=$(systemctl show "ocop-job@$job.timer" -p NextElapseUSecRealtime --value)
        [ -n "$next" ] || die "ocop-job@$job.timer has no next time"
    done
}

deploy() {
    log "1. Packages and user"
    apt-get update -q >/dev/null
    # curl is used by step 5's check and is not on a minimal server.
    apt-get install -y -q git make python3-venv postgresql postgresql-client redis-server nginx certbot openssl curl >/dev/null
    adduser --system --group --home /srv/ocop ocop
    install -d -o ocop -g ocop /srv/ocop/media /srv/ocop/static /srv/ocop/backups
    sudo -u postgres createuser ocop && sudo -u postgres createdb -O ocop ocop

    log "2. Code and dependencies"
    sudo -u ocop git clone "$GIT_URL" /srv/ocop/app
    (cd /srv/ocop/app && sudo -u ocop make install)

    log "3. Configuration"
    install -d -m 750 -o root -g ocop /etc/ocop
    key=$(python3 -c "import secrets;print(secrets.token_urlsafe(64))")
    install -m 640 -o root -g ocop /dev/null /etc/ocop/ocop.env
    cat >/etc/ocop/ocop.env <<EOF
DJANGO_SETTINGS_MODULE=marketplace.settings.production
SECRET_KEY=$key
ALLOWED_HOSTS=$NAME
SITE_URL=https://$NAME
DATABASE_URL=postgresql://ocop@/ocop
REDIS_URL=redis://127.0.0.1:6379/0
MEDIA_ROOT=/srv/ocop/media
STATIC_ROOT=/srv/ocop/static
BACKUP_DIR=/srv/ocop/backups
DEFAULT_FROM_EMAIL="OCOP Bắc Giang <no-reply@$NAME>"
LOG_FORMAT=json
EOF

    log "4. Database, static files, Wagtail Site, first admin, first index"
    manage migrate -v0
    manage collectstatic --noinput -v0
    manage site_configure
    # createsuperuser asks; the rehearsal answers through Django's variables instead.
    export DJANGO_SUPERUSER_PASSWORD="rehearsal-$$-password" DJANGO_SUPERUSER_EMAIL="admin@$NAME"
    manage createsuperuser --noinput --username admin
    manage rebuild_search_index

    log "5. Services, timers and nginx (own certificate instead of certbot)"
    cd /srv/ocop/app
    cp deploy/systemd/* /etc/systemd/system/ && systemctl daemon-reload
    systemctl enable --now ocop-web ocop-worker
    for job in $JOBS; do systemctl enable --now "ocop-job@$job.timer"; done
    install -d -m 755 /etc/ssl/ocop
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$NAME" \
        -addext "subjectAltName=DNS:$NAME" \
        -keyout /etc/ssl/ocop/$NAME.key -out /etc/ssl/ocop/$NAME.crt 2>/dev/null
    chmod 600 /etc/ssl/ocop/$NAME.key
    cp deploy/nginx/ocop.conf /etc/nginx/sites-available/
    sed -i "s/ocop.example.vn/$NAME/g" /etc/nginx/sites-available/ocop.conf
    sed -i "s|/etc/letsencrypt/live/$NAME/fullchain.pem|/etc/ssl/ocop/$NAME.crt|; s|/etc/letsencrypt/live/$NAME/privkey.pem|/etc/ssl/ocop/$NAME.key|" \
        /etc/nginx/sites-available/ocop.conf
    ln -s ../sites-available/ocop.conf /etc/nginx/sites-enabled/ && nginx -t && systemctl reload nginx
    check_services

    log "the worker delivers a queued mail (no EMAIL_HOST: the worker logs it)"
    manage sendtestemail rehearsal@$NAME
    i=0
    until journalctl -u ocop-worker --no-pager -o cat | grep -q 'To: rehearsal@ocop.test'; do
        i=$((i + 1)); [ $i -gt 30 ] && die "the worker did not deliver the test mail in 30 s"; sleep 1
    done
    echo "delivered by ocop-worker"

    log "each job by hand: systemctl start ocop-job@<job>.service"
    for job in $JOBS; do
        systemctl start "ocop-job@$job.service" ||
            { journalctl -u "ocop-job@$job.service" -n 30 --no-pager; die "ocop-job@$job failed"; }
        printf '%-24s %s\n' "$job" "$(systemctl show "ocop-job@$job.service" -p Result -p ExecMainStatus --value | tr '\n' ' ')"
    done
    systemctl show ocop-job@backup.service -p ExecStart --value | grep -o 'argv\[\]=[^;]*'
}

after_reboot() {
    systemctl is-system-running --wait || true
    check_services
}

backup_restore() {
    log "6. Backups: the backup timer's service writes an archive"
    before=$(ls /srv/ocop/backups | wc -l)
    echo "a file that must come back" | sudo -u ocop tee /srv/ocop/media/rehearsal.txt >/dev/null
    systemctl start ocop-job@backup.service
    archive=$(ls -t /srv/ocop/backups/ocop-backup-*.tar.gz | head -n 1)
    ls -l "$archive"
    [ "$(ls /srv/ocop/backups | wc -l)" -gt "$before" ] || die "no new archive"
    users=$(manage shell -c "from django.contrib.auth import get_user_model as g; print(g().objects.count())")
    log "restore per the README"
    sudo -u postgres psql -q ocop -c "delete from django_session" >/dev/null
    rm /srv/ocop/media/rehearsal.txt
    manage shell -c "from django.contrib.auth import get_user_model as g; g().objects.filter(username='admin').delete()"
    systemctl stop ocop-web ocop-worker
    manage restore "$archive" --yes
    systemctl start ocop-web ocop-worker
    grep -q 'must come back' /srv/ocop/media/rehearsal.txt || die "media not restored"
    after=$(manage shell -c "from django.contrib.auth import get_user_model as g; print(g().objects.count())")
    [ "$users" = "$after" ] || die "users before $users, after restore $after"
    https -f "https://$NAME/readyz"
    echo
}

upgrade() {
    log "7. Upgrades"
    cd /srv/ocop/app && sudo -u ocop git pull && sudo -u ocop make install
    [ "$(sudo -u ocop git rev-parse HEAD)" = "$EXPECTED" ] || die "git pull did not bring $EXPECTED"
    manage backup
    manage migrate && manage collectstatic --noinput
    manage rebuild_search_index
    systemctl restart ocop-web ocop-worker
    check_services
}

units() {
    # $1: the checkout (deploy/ copied in). The units as they are, but for their paths and user.
    src=$1
    app=/opt/units
    mkdir -p $app/.venv/bin $app/marketplace
    : >$app/env
    printf 'GUNICORN_BIND=127.0.0.1:8001\nWEB_CONCURRENCY=1\n' >$app/env
    adapt() {
        sed -e "s|/srv/ocop/app|$app|g; s|^User=ocop|User=nobody|; s|^Group=ocop|Group=nogroup|" \
            -e "s|/etc/ocop/ocop.env|$app/env|; s|^ReadWritePaths=.*|ReadWritePaths=/tmp|" \
            -e "s|^ExecStartPre=.*|ExecStartPre=/bin/true|" "$1"
    }
    log "ocop-job@: %i and OCOP_JOB_ARGS_%i (python stands in: it prints its arguments)"
    python3 -m venv $app/.venv
    cp $app/.venv/bin/python3 $app/.venv/bin/real-python 2>/dev/null || true
    rm -f $app/.venv/bin/python
    printf '#!/bin/sh\nprintf "argv:"; for a in "$@"; do printf " <%%s>" "$a"; done; echo\n' >$app/.venv/bin/python
    chmod +x $app/.venv/bin/python
    adapt "$src/deploy/systemd/ocop-job@.service" >/etc/systemd/system/units-job@.service
    systemctl daemon-reload
    for job in $JOBS; do systemctl start "units-job@$job.service"; done
    journalctl -u 'units-job@*' -o cat --no-pager | grep -E '^argv:|unset environment'
    journalctl -u 'units-job@*' -o cat --no-pager | grep -q 'unset environment' && die "unset variable warnings"
    journalctl -u units-job@backup.service -o cat --no-pager | grep -q '^argv: <manage.py> <backup> <--keep=14>$' ||
        die "backup did not get --keep=14"
    journalctl -u units-job@publish_scheduled.service -o cat --no-pager | grep -q '^argv: <manage.py> <publish_scheduled>$' ||
        die "publish_scheduled got an extra argument"
    log "ocop-web: Type=notify with deploy/gunicorn.conf.py (a one-line WSGI app stands in for the site)"
    $app/.venv/bin/real-python -m pip install -q "$(grep '^gunicorn==' "$src/constraints.txt")"
    install -d $app/deploy && cp "$src/deploy/gunicorn.conf.py" $app/deploy/
    printf 'def application(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' \
        >$app/marketplace/wsgi.py
    adapt "$src/deploy/systemd/ocop-web.service" >/etc/systemd/system/units-web.service
    systemctl daemon-reload
    systemctl start units-web.service
    systemctl show units-web -p Type -p ActiveState -p StatusText
    systemctl show units-web -p StatusText | grep -q 'Gunicorn arbiter booted' || die "no READY=1"
    pid=$(systemctl show units-web -p MainPID --value)
    systemctl reload units-web.service && sleep 3
    [ "$(systemctl show units-web -p MainPID --value)" = "$pid" ] || die "reload replaced the main process"
    systemctl stop units-web.service
    echo "units: ok"
}

"$@"
