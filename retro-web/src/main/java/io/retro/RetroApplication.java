package io.retro;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RetroApplication {

    static {
        // Axon's update checker would call out to the internet on every start and write to the
        // user's home folder; Retro runs on closed networks, so it is off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(RetroApplication.class, args);
    }
}
