/**
 * Agent aliases: `AgentAlias` (AWS Native `bedrock.AgentAlias`), and the test alias every agent has
 * (`TSTALIASID`, routing to the working draft).
 */
import * as pulumi from "@pulumi/pulumi";
import * as bedrock from "@pulumi/aws-native/bedrock";
import { agentAliasArn, parseArn } from "../catalog/arns";
import { ACCOUNT_ID_LENGTH, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH } from "../core/context";
import { grantStatements, type GrantOptions, type RoleRef, type RolePolicyGrant } from "../iam/grants";
import type { Statement } from "../iam/policy";
import { symbolic } from "../core/symbols";
import { checkArgs, checkString, fail, normalizeTags, stringProblem, type Tags, type Where } from "../core/validation";
import { NAME_PATTERN, NAME_TEXT } from "./agent-action-group";
import { resourceName } from "../core/resource-name";

/** The id of the test alias every agent has; it routes to the agent's `DRAFT` version. */
export const TEST_ALIAS_ID = "TSTALIASID";

/** What an alias needs of its agent. */
export interface IAgent {
    /** The agent's id (10 characters). */
    readonly agentId: pulumi.Output<string>;
    /** The agent's ARN. */
    readonly agentArn: pulumi.Output<string>;
    /**
     * A hash of the agent's versioned configuration (`Agent.configurationHash`). When present, an alias
     * without `agentVersion` carries it in its description, so a change of the agent updates the alias and
     * the alias moves to a new version of the agent.
     */
    readonly configurationHash?: pulumi.Output<string>;
}

/** An agent alias: created, or the test alias. */
export interface IAgentAlias {
    /** The alias id (`TSTALIASID` for the test alias). */
    readonly aliasId: pulumi.Output<string>;
    /** `arn:<partition>:bedrock:<region>:<account>:agent-alias/<agentId>/<aliasId>`. */
    readonly aliasArn: pulumi.Output<string>;
    /** Whether this is the agent's test alias. */
    readonly isTestAlias: boolean;
    /** The ARN as a symbolic string for policy documents. */
    symbolicArn(): string;
    /** `bedrock:InvokeAgent` on the alias. */
    grantInvoke(role: RoleRef, opts?: GrantOptions): RolePolicyGrant;
    /** `bedrock:GetAgentAlias` on the alias. */
    grantGet(role: RoleRef, opts?: GrantOptions): RolePolicyGrant;
}

/** Arguments of `AgentAlias`. */
export interface AgentAliasArgs {
    /** The agent (an `Agent`, or anything with its `agentId` and `agentArn`). */
    agent: IAgent;
    /** `([0-9a-zA-Z][_-]?){1,100}`; default derived from the component's name. */
    agentAliasName?: pulumi.Input<string>;
    /**
     * The agent version the alias routes to: a version number (1-5 digits, not `DRAFT`: only the test alias,
     * `agent.testAlias`, routes to the working draft). Default: the alias follows the agent. The service
     * creates a new version from the prepared draft when the alias is created, and, since the alias's
     * description carries a hash of the agent's configuration (`Agent.configurationHash`), again whenever
     * the agent's configuration changes (the alias is updated after the agent, which prepares itself unless
     * `shouldPrepareAgent` is false).
     */
    agentVersion?: pulumi.Input<string>;
    /**
     * 1-200 characters; at most 168 when the alias follows an `Agent` (no `agentVersion`), since
     * ` [agent config <hash>]` is appended to it (without a description, the description is `[agent config <hash>]`).
     */
    description?: pulumi.Input<string>;
    /** Tags as a map or a list of `{ key, value }`. */
    tags?: Tags;
}

/** Arguments of `Agent.addAlias`. */
export type AddAgentAliasArgs = Omit<AgentAliasArgs, "agent">;

/** CloudFormation `RoutingConfiguration[].AgentVersion` (maxLength 5) without `DRAFT`, which a created alias cannot route to. */
const VERSION_RULE = { min: 1, max: 5, pattern: /^[0-9]{0,4}[1-9][0-9]{0,4}$/, patternText: "a version number: 1-5 digits, not all zeros" };
const DRAFT_RULE =
    "cannot be DRAFT: only the test alias (TSTALIASID, agent.testAlias) routes to the working draft; give a version number, or leave agentVersion unset to follow the agent";
/** What a following alias appends to its description: ` [agent config <16 hex digits>]`. */
const HASH_SUFFIX_LENGTH = " [agent config ]".length + 16;
/** The longest description of an alias that follows an `Agent`. */
export const FOLLOWING_DESCRIPTION_MAX = 200 - HASH_SUFFIX_LENGTH;

/** Checks a created alias's `agentVersion` (a plain value now, an Output at deploy time). */
function checkVersion(where: Where, value: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
    const check = (v: unknown): string => {
        if (v === "DRAFT") fail(where, "agentVersion", v, DRAFT_RULE);
        const problem = stringProblem(v, VERSION_RULE);
        if (problem) fail(where, "agentVersion", v, problem);
        return v as string;
    };
    if (value === undefined) return undefined;
    return typeof value === "string" ? check(value) : pulumi.output(value).apply(check);
}

/** Checks the description of an alias that follows its agent: it must leave room for the hash. */
function checkFollowingDescription(where: Where, value: pulumi.Input<string>): pulumi.Input<string> {
    const check = (v: string): string => {
        const len = [...v].length;
        if (len > FOLLOWING_DESCRIPTION_MAX) {
            fail(
                where,
                "description",
                v,
                `must have at most ${FOLLOWING_DESCRIPTION_MAX} characters when agentVersion is unset (has ${len}): " [agent config <hash>]" is appended so that the alias moves to a new version when the agent changes`,
            );
        }
        return v;
    };
    return typeof value === "string" ? check(value) : pulumi.output(value).apply(check);
}

/** The longest an alias ARN can be. */
export const ALIAS_ARN_MAX_LENGTH = agentAliasArn(
    "p".repeat(MAX_PARTITION_LENGTH),
    "r".repeat(MAX_REGION_LENGTH),
    "0".repeat(ACCOUNT_ID_LENGTH),
    "A".repeat(10),
    "B".repeat(10),
).length;

/**
 * A name matching `([0-9a-zA-Z][_-]?){1,100}` derived from a Pulumi name: other characters become
 * `-`, runs of separators collapse, leading separators go, and at most 100 letters or digits stay.
 */
export function derivedName(where: Where, argument: string, name: string): string {
    let out = "";
    let count = 0;
    for (const ch of name.replace(/[^0-9a-zA-Z_-]/g, "-")) {
        if (/[0-9a-zA-Z]/.test(ch)) {
            if (count === 100) break;
            out += ch;
            count++;
        } else if (out !== "" && !/[_-]$/.test(out)) {
            out += ch;
        }
    }
    if (count === 0) fail(where, argument, undefined, `cannot be derived from the name ${JSON.stringify(name)}; set it (${NAME_TEXT})`);
    return out;
}

/** Statements granting `actions` on one alias. */
function aliasStatements(actions: string[], arn: string): Statement[] {
    return [{ Effect: "Allow", Action: actions, Resource: [arn] }];
}

/** Grants on an alias, made once per role and kind. */
class AliasGrants {
    constructor(
        private readonly alias: IAgentAlias,
        private readonly grantName: string,
        private readonly parent: pulumi.Resource | undefined,
    ) {}

    grant(kind: "invoke" | "get", role: RoleRef, opts: GrantOptions = {}): RolePolicyGrant {
        const actions = kind === "invoke" ? ["bedrock:InvokeAgent"] : ["bedrock:GetAgentAlias"];
        return grantStatements(role, aliasStatements(actions, this.alias.symbolicArn()), {
            ...opts,
            parent: opts.parent ?? this.parent,
            where: { component: "AgentAlias", name: this.grantName },
            argName: kind === "invoke" ? "grantInvoke(role)" : "grantGet(role)",
        });
    }
}

/** The test alias of each agent, so that `agent.testAlias` and `AgentAlias.testAlias(agent)` are one object. */
const testAliases = new WeakMap<IAgent, IAgentAlias>();

/** The test alias of an agent (`TSTALIASID`): a reference, creates nothing. */
class TestAlias implements IAgentAlias {
    readonly isTestAlias = true;
    readonly aliasId = pulumi.output(TEST_ALIAS_ID);
    readonly aliasArn: pulumi.Output<string>;
    private readonly grants: AliasGrants;

    constructor(
        agent: IAgent,
        private readonly name: string,
        parent?: pulumi.Resource,
    ) {
        this.aliasArn = agent.agentArn.apply((arn) => {
            const p = parseArn(arn);
            if (!p || p.resourceType !== "agent") throw new Error(`${name}: ${JSON.stringify(arn)} is not an agent ARN`);
            return agentAliasArn(p.partition, p.region, p.account, p.resourceId, TEST_ALIAS_ID);
        });
        this.grants = new AliasGrants(this, `${name}-test-alias`, parent);
    }

    symbolicArn(): string {
        return symbolic(this.aliasArn, `agent-alias/${this.name}/${TEST_ALIAS_ID}`, ALIAS_ARN_MAX_LENGTH);
    }

    grantInvoke(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        return this.grants.grant("invoke", role, opts);
    }

    grantGet(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        // Stryker disable next-line StringLiteral: AliasGrants.grant only tests kind === "invoke"; any other kind gives GetAgentAlias and grantGet(role)
        return this.grants.grant("get", role, opts);
    }
}

/**
 * An alias of an agent (AWS Native `bedrock.AgentAlias`): a stable name applications invoke, routing
 * to one agent version. With `agentVersion` it routes to that version; without, it follows the agent:
 * its description carries the agent's configuration hash, so each change of the agent's configuration
 * updates the alias after the agent, and the service gives it a new version of the prepared draft.
 */
export class AgentAlias extends pulumi.ComponentResource implements IAgentAlias {
    /**
     * The test alias of `agent` (`TSTALIASID`, routing to `DRAFT`). Creates nothing. One object per agent
     * (the same as `agent.testAlias`), so its grants are made once per role however it is reached; the
     * options of the first call name it.
     */
    public static testAlias(agent: IAgent, opts: { name?: string; parent?: pulumi.Resource } = {}): IAgentAlias {
        const cached = testAliases.get(agent);
        if (cached) return cached;
        const name = opts.name ?? resourceName(agent as unknown as pulumi.Resource) ?? "agent";
        const made = new TestAlias(agent, name, opts.parent ?? (pulumi.Resource.isInstance(agent) ? (agent as pulumi.Resource) : undefined));
        testAliases.set(agent, made);
        return made;
    }

    public readonly isTestAlias = false;
    /** The alias id. */
    public readonly aliasId: pulumi.Output<string>;
    /** The alias ARN. */
    public readonly aliasArn: pulumi.Output<string>;
    /** The alias name. */
    public readonly aliasName: pulumi.Output<string>;
    /** The AWS Native resource. */
    public readonly alias: bedrock.AgentAlias;
    private readonly grants: AliasGrants;

    constructor(name: string, args: AgentAliasArgs, opts?: pulumi.ComponentResourceOptions) {
        const where = { component: "AgentAlias", name };
        checkArgs(where, args);
        const agent = args.agent as unknown;
        if (!agent || typeof agent !== "object" || !pulumi.Output.isInstance((agent as IAgent).agentId)) {
            fail(where, "agent", agent, "must be an Agent (or an object with agentId and agentArn outputs)");
        }
        const agentAliasName =
            args.agentAliasName === undefined
                ? derivedName(where, "agentAliasName", name)
                : checkString(where, "agentAliasName", args.agentAliasName, { pattern: NAME_PATTERN, patternText: NAME_TEXT });
        const agentVersion = checkVersion(where, args.agentVersion);
        let description = checkString(where, "description", args.description, { min: 1, max: 200, optional: true });
        // An alias that follows the agent carries the agent's configuration hash, so that it is updated (and
        // moves to a new version) whenever the agent's configuration changes.
        const hash = agentVersion === undefined ? (args.agent as IAgent).configurationHash : undefined;
        if (hash !== undefined) {
            const given = description === undefined ? undefined : checkFollowingDescription(where, description);
            description = pulumi.all([given, hash]).apply(([d, h]) => (d === undefined ? `[agent config ${h}]` : `${d} [agent config ${h}]`));
        }
        const tags = normalizeTags(where, args.tags);
        super("bedrock-genai:index:AgentAlias", name, {}, opts);
        this.alias = new bedrock.AgentAlias(
            name,
            {
                agentId: args.agent.agentId,
                agentAliasName,
                description,
                routingConfiguration: agentVersion === undefined ? undefined : [{ agentVersion }],
                tags: tags === undefined ? undefined : Object.fromEntries(tags.map((t) => [t.key, t.value])),
            },
            { parent: this },
        );
        this.aliasId = this.alias.agentAliasId;
        this.aliasArn = this.alias.agentAliasArn;
        this.aliasName = this.alias.agentAliasName;
        this.grants = new AliasGrants(this, name, this);
        this.registerOutputs({ aliasId: this.aliasId, aliasArn: this.aliasArn, aliasName: this.aliasName });
    }

    public symbolicArn(): string {
        return symbolic(this.aliasArn, `agent-alias/${resourceName(this)}`, ALIAS_ARN_MAX_LENGTH);
    }

    /** `bedrock:InvokeAgent` on the alias ARN. */
    public grantInvoke(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        return this.grants.grant("invoke", role, opts);
    }

    /** `bedrock:GetAgentAlias` on the alias ARN. */
    public grantGet(role: RoleRef, opts?: GrantOptions): RolePolicyGrant {
        // Stryker disable next-line StringLiteral: AliasGrants.grant only tests kind === "invoke"; any other kind gives GetAgentAlias and grantGet(role)
        return this.grants.grant("get", role, opts);
    }
}

/** Whether `v` is an agent alias (created or the test alias). */
export function isAgentAlias(v: unknown): v is IAgentAlias {
    return typeof v === "object" && v !== null && typeof (v as IAgentAlias).symbolicArn === "function" && typeof (v as IAgentAlias).isTestAlias === "boolean";
}
