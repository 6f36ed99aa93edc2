package eu.vigil.feed.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local KBO Open Data site as its clients find it: a login form posting to {@code static/j_spring_security_check}
 * (j_username, j_password) that sets a session cookie, the listing {@code affiliation/xml/?files} (the login page
 * without the cookie) linking {@code files/KboOpenData_NNNN_…zip}, and the zips; an extract can be served cut short
 * once, as a download that broke.
 */
final class KboOpenDataStub implements AutoCloseable {

    private static final String BASE = "/kbo-open-data/";
    private static final String LOGIN_PAGE =
            "<html><body><form action=\"static/j_spring_security_check\" method=\"post\">"
                    + "<input name=\"j_username\"><input type=\"password\" name=\"j_password\"></form></body></html>";

    private final HttpServer server;
    private final String user;
    private final String password;
    private final Map<String, byte[]> extracts = new LinkedHashMap<>();
    private final Set<String> truncateOnce = ConcurrentHashMap.newKeySet();
    final List<String> downloads = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    KboOpenDataStub(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(BASE, this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/kbo-open-data");
    }

    synchronized void publish(String name, byte[] zip) {
        extracts.put(name, zip);
    }

    void truncateOnce(String name) {
        truncateOnce.add(name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            requests.add(exchange.getRequestMethod() + " " + path);
            if (path.equals("static/j_spring_security_check")
                    && exchange.getRequestMethod().equals("POST")) {
                Map<String, String> form = new LinkedHashMap<>();
                for (String pair :
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    int eq = pair.indexOf('=');
                    form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                boolean ok = user.equals(form.get("j_username")) && password.equals(form.get("j_password"));
                if (ok) {
                    exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=session-1; Path=/kbo-open-data");
                }
                exchange.getResponseHeaders().add("Location", BASE + (ok ? "affiliation/xml/?files" : "login?error"));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            boolean signedIn = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"))
                    .contains("JSESSIONID=session-1");
            if (path.equals("login") || !signedIn) {
                send(exchange, "text/html", LOGIN_PAGE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("affiliation/xml/")) {
                StringBuilder page = new StringBuilder("<html><body><table>");
                synchronized (this) {
                    extracts.keySet()
                            .forEach(name -> page.append("<tr><td><a href=\"files/")
                                    .append(name)
                                    .append("\">")
                                    .append(name)
                                    .append("</a></td></tr>"));
                }
                send(
                        exchange,
                        "text/html",
                        page.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.startsWith("affiliation/xml/files/")) {
                String name = path.substring("affiliation/xml/files/".length());
                byte[] zip;
                synchronized (this) {
                    zip = extracts.get(name);
                }
                if (zip == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                downloads.add(name);
                if (truncateOnce.remove(name)) {
                    zip = Arrays.copyOf(zip, zip.length * 2 / 3);
                }
                send(exchange, "application/zip", zip);
                return;
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
