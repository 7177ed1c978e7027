using Microsoft.AspNetCore.TestHost;
using Workers.ProviderSimulator.Control;
using System.Net;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Control;

/// <summary>Scripted outcomes of UniAll submissions, as a fleet test uses them.</summary>
public sealed class ScriptTests
{
    private const string Marker = "[marker-7f3a]";

    [Fact]
    public async Task Failed_EndsTheTaskAsFailedWithTheMessage()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.UniAll,
            PromptContains = Marker,
            Outcome = ScriptOutcome.Failed,
            Message = "upstream exploded",
            DurationMs = 2000,
        });
        var taskId = await host.SubmitOkAsync(Gpt(("prompt", $"a cat {Marker}")));

        var running = await host.QueryOkAsync(taskId);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var failed = await host.QueryOkAsync(taskId);

        Assert.Null(running["error"]);
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal("upstream exploded", (string?)failed["error"]);
        Assert.Null(failed["result_url"]);
        Assert.Equal(0, (int?)failed["metadata"]!["result_count"]);
    }

    [Fact]
    public async Task ContentPolicy_FailsWithAPolicyMessageByDefault()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.UniAll,
            Outcome = ScriptOutcome.ContentPolicy,
            DurationMs = 0,
        });
        var taskId = await host.SubmitOkAsync(Gpt());

        var task = await host.QueryOkAsync(taskId);

        Assert.Equal("failed", (string?)task["status"]);
        Assert.Contains("safety", (string?)task["error"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InsufficientCredits_Rejects402WithoutCreatingATask()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, Outcome = ScriptOutcome.InsufficientCredits });

        using var response = await host.SubmitAsync(Gpt());
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("insufficient_quota", (string?)json["error"]!["type"]);
        Assert.Equal("insufficient_user_quota", (string?)json["error"]!["code"]);
        Assert.Empty(await host.Control.GetSubmissionsAsync());
    }

    [Fact]
    public async Task HttpStatus429_RejectsWithRetryAfter_ForCountSubmissionsOnly()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.UniAll,
            Count = 2,
            HttpStatus = 429,
            RetryAfterSeconds = 7,
        });

        using var first = await host.SubmitAsync(Gpt());
        using var second = await host.SubmitAsync(Gpt());
        using var third = await host.SubmitAsync(Gpt());
        var error = (await ReadJsonAsync(first))["error"]!;

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limit_exceeded", (string?)error["code"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Empty(await host.Control.GetScriptsAsync());
    }

    [Fact]
    public async Task HttpStatus429_WithoutRetryAfterSeconds_SendsOneSecond()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, HttpStatus = 429 });

        using var response = await host.SubmitAsync(Gpt());

        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task HttpStatus5xx_RejectsWithThatStatus(int status)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, HttpStatus = status });

        using var response = await host.SubmitAsync(Gpt());
        var json = await ReadJsonAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.NotNull(json["error"]!["message"]);
        Assert.Empty(await host.Control.GetSubmissionsAsync());
    }

    [Fact]
    public async Task AcceptThenDrop_AbortsTheResponse_ButTheTaskExistsAndIsListed()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.UniAll,
            PromptContains = Marker,
            Outcome = ScriptOutcome.AcceptThenDrop,
            DurationMs = 0,
        });

        await Assert.ThrowsAnyAsync<Exception>(() => host.SubmitAsync(Gpt(("prompt", $"dropped {Marker}"))));
        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll, Marker));
        var task = await host.QueryOkAsync(submission.TaskId);

        Assert.Equal(SimulatorHost.ApiKey, submission.Account);
        Assert.Equal("gpt-image-2", submission.Model);
        Assert.Equal("succeeded", (string?)task["status"]);
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.UniAll)).SubmissionsAccepted);
    }

    [Fact]
    public async Task Stuck_StaysProcessingForever()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, Outcome = ScriptOutcome.Stuck, DurationMs = 1000 });
        var taskId = await host.SubmitOkAsync(Gpt());

        host.Clock.Advance(TimeSpan.FromDays(3));
        var task = await host.QueryOkAsync(taskId);

        Assert.Equal("processing", (string?)task["status"]);
        Assert.Equal("99%", (string?)task["progress"]);
    }

    [Fact]
    public async Task MarkedScript_WinsOverAnUnmarkedOne_AndUnmarkedPromptsGetTheUnmarked()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, HttpStatus = 503 });
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, PromptContains = Marker, Outcome = ScriptOutcome.Success });

        using var marked = await host.SubmitAsync(Gpt(("prompt", $"x {Marker} y")));
        using var plain = await host.SubmitAsync(Gpt(("prompt", "plain")));

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, plain.StatusCode);
    }

    [Fact]
    public async Task Script_WithCount_IsUsedUpAndListedWithItsRemainder()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, Count = 3, HttpStatus = 500 });

        using var response = await host.SubmitAsync(Gpt());
        var script = Assert.Single(await host.Control.GetScriptsAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(2, script.Remaining);
        Assert.Equal(500, script.Script.HttpStatus);
    }

    [Fact]
    public async Task InvalidSubmission_DoesNotUseAScript()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, Count = 1, HttpStatus = 503 });

        using var invalid = await host.SubmitAsync(Gpt(("size", "1x1")));
        using var valid = await host.SubmitAsync(Gpt());

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, valid.StatusCode);
    }

    [Fact]
    public async Task SubmitLatency_HoldsTheAnswerUntilTheClockHasMovedThatFar()
    {
        var (app, clock) = await FakeTimeSimulator.StartAsync();
        await using var _ = app;
        using var http = app.GetTestClient();
        await new SimulatorControlClient(http).AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, SubmitLatencyMs = 300 });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images/tasks")
        {
            Content = new StringContent("""{"model":"gpt-image-2","prompt":"a cube","size":"1024x1024"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SimulatorHost.ApiKey);

        var answer = http.SendAsync(request);
        var waited = await FakeTimeSimulator.AdvanceUntilAsync(clock, answer);

        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(400));
    }

    [Theory]
    [InlineData("{\"provider\":\"nobody\"}")]
    [InlineData("{\"provider\":\"uniall\",\"count\":0}")]
    [InlineData("{\"provider\":\"uniall\",\"httpStatus\":200}")]
    [InlineData("{\"provider\":\"uniall\",\"outcome\":\"exploded\"}")]
    public async Task AddScript_Invalid_Returns400(string json)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.PostAsync(
            new Uri("/_control/scripts", UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.Control.GetScriptsAsync());
    }

    [Fact]
    public async Task AddScript_WireNames_AreSnakeCaseOutcomesAndCamelCaseFields()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.PostAsync(
            new Uri("/_control/scripts", UriKind.Relative),
            new StringContent(
                "{\"provider\":\"UniAll\",\"promptContains\":\"m\",\"count\":1,\"outcome\":\"accept_then_drop\",\"durationMs\":5}",
                System.Text.Encoding.UTF8,
                "application/json"));
        var script = Assert.Single(await host.Control.GetScriptsAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ScriptOutcome.AcceptThenDrop, script.Script.Outcome);
        Assert.Equal("uniall", script.Script.Provider);
        Assert.Equal(5, script.Script.DurationMs);
    }
}
