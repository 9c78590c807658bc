// compose-config loads compose files with compose-go, the loader of Docker Compose v2, and prints
// the project as JSON: what `docker compose -f a.yml -f b.yml config --format json` shows.
//
//	compose-config [-p NAME] [--env-file FILE]... [--profile NAME]... -f FILE [-f FILE]...
//
// Interpolation reads this process's environment (and each --env-file), like the docker CLI.
// Exit 0 and the project on stdout, or exit 1 and the loader's error on stderr (2: bad arguments).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

// repeated collects a flag given several times, as -f is for docker compose.
type repeated []string

func (r *repeated) String() string     { return fmt.Sprint(*r) }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	var files, envFiles, profiles repeated
	flag.Var(&files, "f", "a compose file (repeatable; later files override earlier ones)")
	flag.Var(&envFiles, "env-file", "an env file for interpolation (repeatable; default: .env in the project folder)")
	flag.Var(&profiles, "profile", "a profile to enable (repeatable; default: COMPOSE_PROFILES)")
	name := flag.String("p", "", "project name (default: the files' `name:`)")
	flag.Parse()
	if len(files) == 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: compose-config [-p NAME] [--env-file FILE]... [--profile NAME]... -f FILE [-f FILE]...")
		os.Exit(2)
	}

	// The options the docker compose CLI hands to the loader, in its order.
	opts := []cli.ProjectOptionsFn{
		cli.WithOsEnv,
		cli.WithConfigFileEnv,
		cli.WithDefaultConfigPath,
		cli.WithEnvFiles(envFiles...),
		cli.WithDotEnv,
		cli.WithDefaultProfiles(profiles...),
		cli.WithResolvedPaths(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
	}
	if *name != "" {
		opts = append(opts, cli.WithName(*name))
	}
	options, err := cli.NewProjectOptions(files, opts...)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	// As `config` shows it (without --no-env-resolution): each env_file merged into environment.
	project, err = project.WithServicesEnvironmentResolved(true)
	if err != nil {
		fail(err)
	}
	out, err := json.MarshalIndent(project, "", "  ")
	if err != nil {
		fail(err)
	}
	fmt.Println(string(out))
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "error: %v\n", err)
	os.Exit(1)
}
