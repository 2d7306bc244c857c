namespace DePin.Index.Live.Tests;

public sealed class DeploymentHeadsTests
{
    [Fact]
    public async Task Notices_set_the_head_and_a_revert_moves_it_back()
    {
        var heads = new DeploymentHeads();
        Assert.Null(await heads.GetAsync("QmA"));
        heads.Apply(new BlockNotice("QmA", 5, "0x05", []));
        heads.Apply(new BlockNotice("QmA", 3, "0x03", []) { Revert = true });
        Assert.Equal(new DeploymentHead(3, "0x03"), await heads.GetAsync("QmA"));
        Assert.Null(heads.Find("QmB"));
    }

    [Fact]
    public async Task A_loaded_head_is_asked_again_after_its_lifetime_and_notices_win()
    {
        var calls = 0;
        var heads = new DeploymentHeads((_, _) => Task.FromResult<DeploymentHead?>(new DeploymentHead(++calls, "0x")))
        {
            LoadedHeadLifetime = TimeSpan.FromMilliseconds(50),
        };
        Assert.Equal(1, (await heads.GetAsync("QmA"))!.Value.Number);
        Assert.Equal(1, (await heads.GetAsync("QmA"))!.Value.Number);
        await Task.Delay(80);
        Assert.Equal(2, (await heads.GetAsync("QmA"))!.Value.Number);
        Assert.Null(heads.Find("QmA"));
        heads.Apply(new BlockNotice("QmA", 9, "0x09", []));
        Assert.Equal(9, (await heads.GetAsync("QmA"))!.Value.Number);
        Assert.Equal(2, calls);
    }
}
