/**
 * `dig -h`: bind9@v9.18.28:bin/dig/dig.c help() (print_usage on stdout, then the option list), with
 * the +idnin/+idnout lines that its HAVE_LIBIDN2 build has (Ubuntu's bind9-dnsutils links libidn2).
 */
export const DIG_HELP =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n' +
  '            {global-d-opt} host [@local-server] {local-d-opt}\n' +
  '            [ host [@local-server] {local-d-opt} [...]]\n' +
  'Where:  domain\t  is in the Domain Name System\n' +
  '        q-class  is one of (in,hs,ch,...) [default: in]\n' +
  '        q-type   is one of (a,any,mx,ns,soa,hinfo,axfr,txt,...) [default:a]\n' +
  '                 (Use ixfr=version for type ixfr)\n' +
  '        q-opt    is one of:\n' +
  '                 -4                  (use IPv4 query transport only)\n' +
  '                 -6                  (use IPv6 query transport only)\n' +
  '                 -b address[#port]   (bind to source address/port)\n' +
  '                 -c class            (specify query class)\n' +
  '                 -f filename         (batch mode)\n' +
  '                 -k keyfile          (specify tsig key file)\n' +
  '                 -m                  (enable memory usage debugging)\n' +
  '                 -p port             (specify port number)\n' +
  '                 -q name             (specify query name)\n' +
  '                 -r                  (do not read ~/.digrc)\n' +
  '                 -t type             (specify query type)\n' +
  '                 -u                  (display times in usec instead of msec)\n' +
  '                 -x dot-notation     (shortcut for reverse lookups)\n' +
  '                 -y [hmac:]name:key  (specify named base64 tsig key)\n' +
  '        d-opt    is of the form +keyword[=value], where keyword is:\n' +
  '                 +[no]aaflag         (Set AA flag in query (+[no]aaflag))\n' +
  '                 +[no]aaonly         (Set AA flag in query (+[no]aaflag))\n' +
  '                 +[no]additional     (Control display of additional section)\n' +
  '                 +[no]adflag         (Set AD flag in query (default on))\n' +
  '                 +[no]all            (Set or clear all display flags)\n' +
  '                 +[no]answer         (Control display of answer section)\n' +
  '                 +[no]authority      (Control display of authority section)\n' +
  '                 +[no]badcookie      (Retry BADCOOKIE responses)\n' +
  '                 +[no]besteffort     (Try to parse even illegal messages)\n' +
  '                 +bufsize[=###]      (Set EDNS0 Max UDP packet size)\n' +
  '                 +[no]cdflag         (Set checking disabled flag in query)\n' +
  '                 +[no]class          (Control display of class in records)\n' +
  '                 +[no]cmd            (Control display of command line -\n' +
  '                                      global option)\n' +
  '                 +[no]comments       (Control display of packet header\n' +
  '                                      and section name comments)\n' +
  '                 +[no]cookie         (Add a COOKIE option to the request)\n' +
  '                 +[no]crypto         (Control display of cryptographic\n' +
  '                                      fields in records)\n' +
  '                 +[no]defname        (Use search list (+[no]search))\n' +
  '                 +[no]dns64prefix    (Get the DNS64 prefixes from ipv4only.arpa)\n' +
  '                 +[no]dnssec         (Request DNSSEC records)\n' +
  '                 +domain=###         (Set default domainname)\n' +
  '                 +[no]edns[=###]     (Set EDNS version) [0]\n' +
  '                 +ednsflags=###      (Set EDNS flag bits)\n' +
  '                 +[no]ednsnegotiation (Set EDNS version negotiation)\n' +
  '                 +ednsopt=###[:value] (Send specified EDNS option)\n' +
  '                 +noednsopt          (Clear list of +ednsopt options)\n' +
  '                 +[no]expandaaaa     (Expand AAAA records)\n' +
  '                 +[no]expire         (Request time to expire)\n' +
  "                 +[no]fail           (Don't try next server on SERVFAIL)\n" +
  '                 +[no]header-only    (Send query without a question section)\n' +
  '                 +[no]https[=###]    (DNS-over-HTTPS mode) [/]\n' +
  '                 +[no]https-get      (Use GET instead of default POST method while using HTTPS)\n' +
  '                 +[no]http-plain[=###]    (DNS over plain HTTP mode) [/]\n' +
  '                 +[no]http-plain-get      (Use GET instead of default POST method while using plain HTTP)\n' +
  '                 +[no]identify       (ID responders in short answers)\n' +
  '                 +[no]idnin          (Parse IDN names [default=on on tty])\n' +
  '                 +[no]idnout         (Convert IDN response [default=on on tty])\n' +
  "                 +[no]ignore         (Don't revert to TCP for TC responses.)\n" +
  '                 +[no]keepalive      (Request EDNS TCP keepalive)\n' +
  '                 +[no]keepopen       (Keep the TCP socket open between queries)\n' +
  '                 +[no]multiline      (Print records in an expanded format)\n' +
  '                 +ndots=###          (Set search NDOTS value)\n' +
  '                 +[no]nsid           (Request Name Server ID)\n' +
  '                 +[no]nssearch       (Search all authoritative nameservers)\n' +
  '                 +[no]onesoa         (AXFR prints only one soa record)\n' +
  '                 +[no]opcode=###     (Set the opcode of the request)\n' +
  '                 +padding=###        (Set padding block size [0])\n' +
  '                 +qid=###            (Specify the query ID to use when sending queries)\n' +
  '                 +[no]qr             (Print question before sending)\n' +
  '                 +[no]question       (Control display of question section)\n' +
  '                 +[no]raflag         (Set RA flag in query (+[no]raflag))\n' +
  '                 +[no]rdflag         (Recursive mode (+[no]recurse))\n' +
  '                 +[no]recurse        (Recursive mode (+[no]rdflag))\n' +
  '                 +retry=###          (Set number of UDP retries) [2]\n' +
  '                 +[no]rrcomments     (Control display of per-record comments)\n' +
  '                 +[no]search         (Set whether to use searchlist)\n' +
  '                 +[no]short          (Display nothing except short\n' +
  '                                      form of answers - global option)\n' +
  '                 +[no]showbadcookie  (Show BADCOOKIE message)\n' +
  '                 +[no]showsearch     (Search with intermediate results)\n' +
  '                 +[no]split=##       (Split hex/base64 fields into chunks)\n' +
  '                 +[no]stats          (Control display of statistics)\n' +
  '                 +subnet=addr        (Set edns-client-subnet option)\n' +
  '                 +[no]tcflag         (Set TC flag in query (+[no]tcflag))\n' +
  '                 +[no]tcp            (TCP mode (+[no]vc))\n' +
  '                 +timeout=###        (Set query timeout) [5]\n' +
  '                 +[no]tls            (DNS-over-TLS mode)\n' +
  "                 +[no]tls-ca[=file]  (Enable remote server's TLS certificate validation)\n" +
  '                 +[no]tls-hostname=hostname (Explicitly set the expected TLS hostname)\n' +
  '                 +[no]tls-certfile=file (Load client TLS certificate chain from file)\n' +
  '                 +[no]tls-keyfile=file (Load client TLS private key from file)\n' +
  '                 +[no]trace          (Trace delegation down from root [+dnssec])\n' +
  '                 +tries=###          (Set number of UDP attempts) [3]\n' +
  '                 +[no]ttlid          (Control display of ttls in records)\n' +
  '                 +[no]ttlunits       (Display TTLs in human-readable units)\n' +
  '                 +[no]unknownformat  (Print RDATA in RFC 3597 "unknown" format)\n' +
  '                 +[no]vc             (TCP mode (+[no]tcp))\n' +
  '                 +[no]yaml           (Present the results as YAML)\n' +
  '                 +[no]zflag          (Set Z flag in query)\n' +
  '        global d-opts and servers (before host name) affect all queries.\n' +
  '        local d-opts and servers (after host name) affect only that lookup.\n' +
  '        -h                           (print help and exit)\n' +
  '        -v                           (print version and exit)\n';
