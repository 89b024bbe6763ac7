package dev.kafkalab.ui;

import javafx.application.Application;

import java.net.URL;

/**
 * AtlantaFX's Primer themes, light and dark. AtlantaFX 2.1.0's classes are Java 21 bytecode and this
 * app runs on Java 17, so only its theme stylesheets (plain CSS in the same jar) are used.
 */
public enum Themes {
    LIGHT("/atlantafx/base/theme/primer-light.css"),
    DARK("/atlantafx/base/theme/primer-dark.css");

    private final String path;

    Themes(String path) {
        this.path = path;
    }

    public String stylesheet() {
        URL url = Themes.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing AtlantaFX theme on the classpath: " + path);
        }
        return url.toExternalForm();
    }

    /** Makes this theme the user agent stylesheet of every window. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet());
    }

    public Themes other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
