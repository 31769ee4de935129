#!/usr/bin/env python3
"""Summarises a flight recording's execution samples (jfr print --stack-depth 96 --events jdk.ExecutionSample):
top frames, and the share of samples whose stack passes through each place of interest (one sample may count in
several). Usage: jfr print --stack-depth 96 --events jdk.ExecutionSample x.jfr | python3 hot-paths.py"""
import re, sys, collections

PLACES = [
    ("DelegateSessionFilter (session check per request)", "DelegateSessionFilter.doFilter"),
    ("DelegateSessions.current", "DelegateSessions.current"),
    ("CastingResource.cast (the vote)", "CastingResource.cast"),
    ("CastingService.cast", "CastingService.cast"),
    ("BallotKeys.seal", "BallotKeys.seal"),
    ("TabletResource (12 s check)", "TabletResource."),
    ("Faces RenderResponse", "RenderResponsePhase.execute"),
    ("Faces whole lifecycle", "FacesServlet.service"),
    ("VotingBacking.refresh", "VotingBacking.refresh"),
    ("DelegateBacking.refresh/load", "DelegateBacking.load"),
    ("BallotConsoleBacking (chair console)", "BallotConsoleBacking."),
    ("ProjectorBacking (projector)", "ProjectorBacking."),
    ("Jakarta Security bridge (authentication per request)", "ServerAuthModule"),
    ("NamingException thrown", "NamingException.<init>"),
    ("Throwable.fillInStackTrace", "Throwable.fillInStackTrace"),
    ("PushRelay / websocket send", "PushRelay."),
    ("logging (java.util.logging publish)", "Logger.log"),
    ("EJB container proxy (invoke)", "EJBLocalObjectInvocationHandler.invoke"),
    ("JTA transaction commit", "JavaEETransactionManagerSimplified.commit"),
    ("EclipseLink query execution", "EJBQueryImpl.getResultList"),
    ("EclipseLink em.find", "EntityManagerImpl.find"),
    ("JDBC (MariaDB driver)", "org.mariadb.jdbc."),
    ("Weld CDI", "org.jboss.weld."),
    ("Grizzly I/O", "org.glassfish.grizzly.nio."),
    ("HTTP sessions", "StandardSession"),
]

samples = 0
top = collections.Counter()
places = collections.Counter()
app = collections.Counter()
stack = []

def flush():
    global samples
    if not stack:
        return
    samples += 1
    top[stack[0]] += 1
    text = "\n".join(stack)
    for name, needle in PLACES:
        if needle in text:
            places[name] += 1
    for frame in stack:
        if frame.startswith("app.quorum."):
            app[frame] += 1
            break

frame = re.compile(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(")
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        flush()
        stack = []
    else:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
flush()

print(f"{samples} samples")
print("\n## top frames")
for f, n in top.most_common(12):
    print(f"{100.0*n/samples:5.1f}%  {f}")
print("\n## places (share of samples whose stack passes through)")
for name, _ in PLACES:
    print(f"{100.0*places[name]/samples:5.1f}%  {name}")
print("\n## nearest app.quorum frame")
for f, n in app.most_common(15):
    print(f"{100.0*n/samples:5.1f}%  {f}")
