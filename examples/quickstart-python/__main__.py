"""The quickstart in Python: cross-region and application inference profiles, with grants.

Needs the generated SDK: run `pulumi package add ../../provider` in this directory first (it
generates `sdks/bedrock-genai` and adds it to requirements.txt). Set `aws:region` and
`aws-native:region` (a Region of the `us` geography, e.g. us-east-1).
"""
import json

import pulumi
import pulumi_aws as aws
import pulumi_bedrock_genai as bedrock

SONNET_35_V2 = "anthropic.claude-3-5-sonnet-20241022-v2:0"
SONNET_V1 = "anthropic.claude-3-sonnet-20240229-v1:0"

# Grants attach IAM role policies to a role (by name or ARN).
fn_role = aws.iam.Role(
    "fn-role",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
        }
    ),
)

# Cross-region (system-defined) profile: creates no Bedrock resource; grants profile usage to the role.
cris = bedrock.CrossRegionProfile(
    "cris",
    geography="us",
    model_id=SONNET_35_V2,
    usage_role_names=[fn_role.name],
)

# Application inference profiles: one Region (from a foundation model) or many (from a cross-region profile).
app_profile1 = bedrock.ApplicationProfile(
    "myapplicationprofile",
    inference_profile_name="claude 3 sonnet v1",
    model_id=SONNET_V1,
    tags={"test": "test"},
    usage_role_names=[fn_role.name],
)
app_profile2 = bedrock.ApplicationProfile(
    "myapplicationprofile2",
    inference_profile_name="claude 35 sonnet v2",
    model_id=SONNET_35_V2,
    geography="us",
    invoke_role_names=[fn_role.name],
)

# An existing application profile, granted by ARN.
bedrock.ModelGrant(
    "imported-usage",
    role_name=fn_role.name,
    application_inference_profile_arn="arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234wxyz",
    invoke=False,
    profile_usage=True,
)

pulumi.export("crossRegionProfileArn", cris.inference_profile_arn)
pulumi.export("applicationProfileArns", [app_profile1.inference_profile_arn, app_profile2.inference_profile_arn])
pulumi.export("roleName", fn_role.name)
