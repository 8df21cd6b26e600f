package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.gocbench.dialect.DbFamily;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL and {@code --provision container} without a Docker engine say what to do instead. */
class ContainerTargetIT {

    @BeforeAll
    static void noDocker() {
        assumeThat(ContainerServer.dockerAvailable())
                .as("a Docker engine is reachable here, so the no-Docker message cannot be tested")
                .isFalse();
    }

    @Test
    void mysqlWithoutDockerOrUrlSaysWhatToDo() {
        assertThatThrownBy(() -> Targets.open(TargetSpec.of(DbFamily.MYSQL)))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("no Docker engine reachable for mysql: start Docker, or pass --db-url "
                        + "jdbc:mysql://HOST:3306/DB?user=U");
    }

    @Test
    void containerProvisionWithoutDockerOffersTheEmbeddedServer() {
        TargetSpec spec = new TargetSpec(DbFamily.POSTGRES, null, null, null, 0, Provision.CONTAINER);
        assertThatThrownBy(() -> Targets.open(spec))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("no Docker engine reachable for postgres: start Docker, or pass --db-url "
                        + "jdbc:postgresql://HOST:5432/DB?user=U, or drop --provision container to use the embedded server");
    }

    @Test
    void imagesArePinnedPerFamily() {
        assertThat(ContainerServer.image(DbFamily.POSTGRES, 0)).isEqualTo("postgres:17");
        assertThat(ContainerServer.image(DbFamily.POSTGRES, 15)).isEqualTo("postgres:15");
        assertThat(ContainerServer.image(DbFamily.MYSQL, 0)).isEqualTo("mysql:8.4");
        assertThat(ContainerServer.image(DbFamily.MARIADB, 0)).isEqualTo("mariadb:11.4");
    }
}
