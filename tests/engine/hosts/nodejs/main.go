// A STAND-IN for Pulumi's Node.js language host (`pulumi-language-nodejs`), used only by this
// repository's engine checks (`npm run engine`, `npm run test:engine`).
//
// Why a stand-in: the real host is its own Go module,
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3, which has no tags; it is fetched by
// commit pseudo-version, and the Go module proxy this project can reach refuses every version of it
// ("403 This module version is not available", see scripts/engine.mjs). The last `sdk/v3` release that
// still held the host as a package (v3.68.0, 2023) has no RunPlugin, so it can run neither a policy
// pack nor a component provider.
//
// What it does: what the language host protocol asks of a host
// (https://github.com/pulumi/pulumi/blob/master/proto/pulumi/language.proto), and no more. It starts
// the entry points the Node.js SDK itself ships, from the program's own `@pulumi/pulumi`:
//   - Run: `node @pulumi/pulumi/cmd/run --monitor … --engine … --project … --stack … --pwd … [--dry-run] <entry>`,
//     the configuration in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, TypeScript through
//     PULUMI_NODEJS_TYPESCRIPT (the flags `cmd/run` documents in its usage text);
//   - RunPlugin: `@pulumi/pulumi/cmd/run-plugin <dir>` for a component provider (PulumiPlugin.yaml) and
//     `@pulumi/pulumi/cmd/run-policy-pack <engine> <dir>` for a policy pack, the latter behind the SDK's
//     own PolicyProxy (github.com/pulumi/pulumi/sdk/v3, policy_proxy.go), which hands the stack's
//     configuration to the pack.
//
// GetRequiredPackages/GetRequiredPlugins are left unimplemented: the engine then loads each provider
// when the program first registers one of its resources (langruntime_plugin.go falls back on
// codes.Unimplemented). InstallDependencies does nothing: install a program's packages with npm first.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set at build time to the Pulumi release the CLI was built from.
var version = "0.0.0"

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	// The engine passes its own address as the last argument (langruntime_plugin.go, buildArgsForNewPlugin).
	args := os.Args[1:]
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: pulumi-language-nodejs <engine address> (a stand-in, started by the Pulumi CLI)")
		os.Exit(2)
	}
	h := &host{engineAddress: args[len(args)-1]}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the language host stand-in: %v\n", err)
		os.Exit(1)
	}
	// The plugin protocol: the first line on stdout is the port.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stand-in stopped: %v\n", err)
		os.Exit(1)
	}
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (h *host) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	return nil
}

// typescript reads the `typescript` runtime option (Pulumi.yaml runtime.options); it defaults to true.
func typescript(info *pulumirpc.ProgramInfo) bool {
	if info == nil || info.Options == nil {
		return true
	}
	if v, ok := info.Options.AsMap()["typescript"]; ok {
		if b, ok := v.(bool); ok {
			return b
		}
	}
	return true
}

// nodeArgs reads the `nodeargs` runtime option (space-separated).
func nodeArgs(info *pulumirpc.ProgramInfo) []string {
	if info == nil || info.Options == nil {
		return nil
	}
	if v, ok := info.Options.AsMap()["nodeargs"].(string); ok {
		return strings.Fields(v)
	}
	return nil
}

// resolve finds an SDK entry point as the program itself would load it (Node's resolution from dir).
func resolve(module, dir string) (string, error) {
	out, err := exec.Command("node", "-e",
		"process.stdout.write(require.resolve(process.argv[1], { paths: [process.argv[2]] }))",
		module, dir).Output()
	if err != nil {
		return "", fmt.Errorf("could not find %s from %s (is @pulumi/pulumi installed for this program?): %w",
			module, dir, err)
	}
	return string(out), nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	if info == nil {
		return &pulumirpc.RunResponse{Error: "no program information in the run request"}, nil
	}
	runPath, err := resolve("@pulumi/pulumi/cmd/run", info.ProgramDirectory)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	args := append(nodeArgs(info), runPath)
	add := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	add("monitor", req.GetMonitorAddress())
	add("engine", h.engineAddress)
	add("organization", req.GetOrganization())
	add("project", req.GetProject())
	add("root-directory", info.RootDirectory)
	add("stack", req.GetStack())
	add("pwd", info.ProgramDirectory)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	add("parallel", strconv.Itoa(int(req.GetParallel())))
	entry := info.EntryPoint
	if entry == "" {
		entry = "."
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	// Configuration keys reach the SDK as "<namespace>:config:<name>" (the SDK's runtime/config.ts
	// accepts both forms); secret keys as a JSON list.
	config := map[string]string{}
	for k, v := range req.GetConfig() {
		if i := strings.Index(k, ":"); i >= 0 && !strings.Contains(k[i+1:], ":") {
			config[k[:i]+":config:"+k[i+1:]] = v
		} else {
			config[k] = v
		}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), "PULUMI_CONFIG="+string(configJSON), "PULUMI_CONFIG_SECRET_KEYS="+string(secretJSON))
	if typescript(info) {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = info.ProgramDirectory
	cmd.Env = env
	cmd.Stdout = os.Stdout
	var stderr bytes.Buffer
	cmd.Stderr = &teeWriter{a: os.Stderr, b: &stderr}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			// 32: the SDK has already shown the error to the user (cmd/run/index.js).
			if exit.ExitCode() == 32 {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode())}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

type teeWriter struct {
	a, b interface{ Write([]byte) (int, error) }
}

func (t *teeWriter) Write(p []byte) (int, error) {
	_, _ = t.b.Write(p)
	return t.a.Write(p)
}

func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	ctx := server.Context()
	info := req.GetInfo()
	if info == nil {
		return errors.New("no program information in the plugin request")
	}
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	analyzer := req.Kind == "analyzer"
	entry := "@pulumi/pulumi/cmd/run-plugin"
	if analyzer {
		entry = "@pulumi/pulumi/cmd/run-policy-pack"
	}
	runPath, err := resolve(entry, info.ProgramDirectory)
	if err != nil {
		return err
	}
	args := append([]string{runPath}, nodeArgs(info)...)
	if analyzer {
		args = append(append(args, req.Args...), info.ProgramDirectory)
	} else {
		args = append(append(args, info.ProgramDirectory), req.Args...)
	}
	env := req.Env
	if len(env) == 0 {
		env = os.Environ()
	}
	if typescript(info) {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}

	var proxy *sdk.PolicyProxy
	if analyzer {
		// The pack learns the stack's configuration before it starts (as Pulumi's own host does).
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start the policy pack proxy: %w", err)
		}
		config, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get the stack configuration: %w", err)
		}
		if config != nil {
			set := func(k, v string) {
				if v != "" {
					env = append(env, k+"="+v)
				}
			}
			set("PULUMI_NODEJS_ORGANIZATION", config.Organization)
			set("PULUMI_NODEJS_PROJECT", config.Project)
			set("PULUMI_NODEJS_STACK", config.Stack)
			set("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(config.DryRun))
			if config.Config != nil {
				b, err := json.Marshal(config.Config)
				if err != nil {
					return err
				}
				set("PULUMI_CONFIG", string(b))
			}
		}
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	if analyzer {
		cmd.Dir = info.ProgramDirectory
	} else {
		cmd.Dir = req.Pwd
	}
	if cmd.Dir == "" {
		cmd.Dir = filepath.Clean(info.ProgramDirectory)
	}
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not run node: %w", err)
	}
	if proxy != nil {
		err = proxy.Attach(ctx, cmd)
	} else {
		err = cmd.Wait()
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("plugin exited with non-zero exit code: %d", exit.ExitCode())
		}
		return err
	}
	return closer.Close()
}
