package dev.cognitoee.it.lifecycle.probe;

import dev.cognitoee.it.deployer.MicroRuntime;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * The permanent WAR of the redeploy test, which does not use the module: reports the server JVM's live threads
 * (count, and names with their numbers stripped, counted), loaded classes and used heap after a full GC
 * ({@code GET /jvm}), and deploys ({@code POST /deploy?name=..&war=..}) and undeploys
 * ({@code POST /undeploy?name=..}) other applications.
 */
@WebServlet("/*")
public class ServerProbeServlet extends HttpServlet {

    private static final int GC_ROUNDS = 3;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/jvm".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < GC_ROUNDS; i++) { // a second and third round collect what finalizers and cleaners freed
            memory.gc();
        }
        Map<String, Integer> names = new TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.merge(t.getName().replaceAll("\\d+", "#"), 1,
                Integer::sum));
        JsonObjectBuilder byName = Json.createObjectBuilder();
        names.forEach(byName::add);
        write(response, Json.createObjectBuilder()
                .add("threads", Thread.getAllStackTraces().size())
                .add("threadNames", byName)
                .add("loadedClasses", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount())
                .add("heapUsed", memory.getHeapMemoryUsage().getUsed()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        if (name == null || !name.matches("[a-z]+")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "name: lower-case letters");
            return;
        }
        switch (String.valueOf(request.getPathInfo())) {
            case "/deploy" -> {
                String war = request.getParameter("war");
                if (war == null || !new File(war).isFile()) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, "war: the path of a WAR file");
                    return;
                }
                write(response, Json.createObjectBuilder().add("deployed", MicroRuntime.deploy(name, name, new File(war))));
            }
            case "/undeploy" -> {
                MicroRuntime.undeploy(name);
                write(response, Json.createObjectBuilder().add("undeployed", name));
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void write(HttpServletResponse response, JsonObjectBuilder json) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write(json.build().toString());
    }
}
